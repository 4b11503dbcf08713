package newsroom.enrich.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import newsroom.enrich.analysis.Analyser;
import newsroom.enrich.analysis.Document;
import newsroom.enrich.analysis.Sentence;
import newsroom.enrich.analysis.Token;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.tokenize.Tokenizer;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * Splits the text into blocks, sentences and tokens (OpenNLP models for English, rules
 * for other languages), and counts words and reading time. Runs after the language stage.
 */
public final class TextAnalyser implements Analyser {

	private static final String ENGLISH = "en";

	private final SentenceSplitter englishSentences;

	private final SentenceSplitter otherSentences = new RegexSentenceSplitter();

	private final ThreadLocal<Tokenizer> englishTokens;

	/**
	 * Create the analyser.
	 * @param englishSentences the shared English sentence model
	 * @param englishTokens the shared English tokenizer model
	 */
	public TextAnalyser(SentenceModel englishSentences, TokenizerModel englishTokens) {
		this.englishSentences = new OpenNlpSentenceSplitter(englishSentences);
		// TokenizerME is not thread-safe; the model it wraps is.
		this.englishTokens = ThreadLocal.withInitial(() -> new TokenizerME(englishTokens));
	}

	@Override
	public String name() {
		return "text";
	}

	@Override
	public void analyse(Document document) {
		boolean english = document.language().filter(ENGLISH::equals).isPresent();
		SentenceSplitter splitter = english ? this.englishSentences : this.otherSentences;
		Tokenizer tokenizer = english ? this.englishTokens.get() : SimpleTokenizer.INSTANCE;
		String text = document.text();
		List<Sentence> sentences = new ArrayList<>();
		List<Range> blocks = Blocks.of(text);
		for (int b = 0; b < blocks.size(); b++) {
			Range block = blocks.get(b);
			for (Range inBlock : splitter.split(text.substring(block.start(), block.end()))) {
				Range range = inBlock.shift(block.start());
				String sentence = text.substring(range.start(), range.end());
				sentences.add(new Sentence(range.start(), range.end(), sentence, b,
						tokens(tokenizer, sentence, range.start())));
			}
		}
		document.setSentences(sentences);
		int words = WordCounter.count(text);
		document.setWordCount(words);
		document.setReadingTimeMinutes(ReadingTime.minutes(words));
	}

	private static List<Token> tokens(Tokenizer tokenizer, String sentence, int offset) {
		Span[] spans = tokenizer.tokenizePos(sentence);
		return Arrays.stream(spans)
			.map((span) -> new Token(span.getStart() + offset, span.getEnd() + offset,
					sentence.substring(span.getStart(), span.getEnd())))
			.toList();
	}

}
