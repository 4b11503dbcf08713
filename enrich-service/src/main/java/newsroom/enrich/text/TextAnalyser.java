package newsroom.enrich.text;

import java.util.ArrayList;
import java.util.List;

import newsroom.enrich.analysis.Analyser;
import newsroom.enrich.analysis.Document;
import newsroom.enrich.analysis.Sentence;
import opennlp.tools.sentdetect.SentenceModel;

/**
 * Splits the text into blocks, sentences and tokens (an OpenNLP sentence model for
 * English, rules for other languages), marks the body (the story without page furniture
 * and without the tail after "About the author" or "Tags:"), and counts words and reading
 * time. Runs after the language stage.
 */
public final class TextAnalyser implements Analyser {

	private static final String ENGLISH = "en";

	private final SentenceSplitter englishSentences;

	private final SentenceSplitter otherSentences = new RegexSentenceSplitter();

	/**
	 * Create the analyser.
	 * @param englishSentences the shared English sentence model
	 */
	public TextAnalyser(SentenceModel englishSentences) {
		this.englishSentences = new OpenNlpSentenceSplitter(englishSentences);
	}

	@Override
	public String name() {
		return "text";
	}

	@Override
	public void analyse(Document document) {
		boolean english = document.language().filter(ENGLISH::equals).isPresent();
		SentenceSplitter splitter = english ? this.englishSentences : this.otherSentences;
		String text = document.text();
		List<Sentence> sentences = new ArrayList<>();
		List<Sentence> body = new ArrayList<>();
		boolean inTail = false;
		List<Range> blocks = Blocks.of(text);
		boolean[] listed = listedLines(text, blocks, document.title());
		for (int b = 0; b < blocks.size(); b++) {
			Range block = blocks.get(b);
			String blockText = text.substring(block.start(), block.end());
			// Only after some prose: a first line "Tags: ..." is a label, not a tail.
			inTail = inTail || (!body.isEmpty() && Furniture.startsTail(normalise(blockText)));
			for (Range inBlock : splitter.split(blockText)) {
				Range range = inBlock.shift(block.start());
				String sentenceText = text.substring(range.start(), range.end());
				Sentence sentence = new Sentence(range.start(), range.end(), sentenceText, b,
						WordTokenizer.tokenize(sentenceText, range.start()));
				sentences.add(sentence);
				String normal = normalise(sentenceText);
				boolean story = !Furniture.boilerplate(normal, document.title())
						|| (listed[b] && !Furniture.marked(normal, document.title()) && Furniture.content(normal));
				if (!inTail && story) {
					body.add(sentence);
				}
			}
		}
		document.setSentences(sentences);
		document.setBody(body);
		int words = WordCounter.count(text);
		document.setWordCount(words);
		document.setReadingTimeMinutes(ReadingTime.minutes(words));
	}

	/**
	 * Short lines that are content rather than furniture: a line of a list or table (a
	 * short unfinished line next to another), or a dateline opening the text. Results
	 * tables, standings and line-per-item briefs are made of these, and their names
	 * count.
	 */
	private static boolean[] listedLines(String text, List<Range> blocks, String title) {
		boolean[] shortLine = new boolean[blocks.size()];
		for (int b = 0; b < blocks.size(); b++) {
			String line = normalise(text.substring(blocks.get(b).start(), blocks.get(b).end()));
			shortLine[b] = Furniture.label(line) && !Furniture.marked(line, title) && Furniture.content(line);
		}
		boolean[] listed = new boolean[blocks.size()];
		for (int b = 0; b < blocks.size(); b++) {
			boolean neighbour = (b > 0 && shortLine[b - 1]) || (b + 1 < blocks.size() && shortLine[b + 1]);
			listed[b] = shortLine[b] && (neighbour || (b == 0 && blocks.size() > 1));
		}
		return listed;
	}

	private static String normalise(String text) {
		return Furniture.normalise(text);
	}

}
