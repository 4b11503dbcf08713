package newsroom.enrich.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

/**
 * Sentence splitting with an OpenNLP maximum-entropy model, for the languages a model
 * exists for.
 */
final class OpenNlpSentenceSplitter implements SentenceSplitter {

	private static final Set<String> NAME_ABBREVIATIONS = Set.of("St", "Mt", "Ft", "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt",
			"Col", "Sgt", "Capt", "Cpl", "Rev", "Gov", "Sen", "Rep", "Prof", "Fr", "Adm", "Maj", "Brig");

	private final ThreadLocal<SentenceDetectorME> detectors;

	OpenNlpSentenceSplitter(SentenceModel model) {
		// SentenceDetectorME is not thread-safe; the model it wraps is.
		this.detectors = ThreadLocal.withInitial(() -> new SentenceDetectorME(model));
	}

	@Override
	public List<Range> split(String block) {
		List<Range> sentences = new ArrayList<>();
		for (Span span : this.detectors.get().sentPosDetect(block)) {
			Range range = new Range(span.getStart(), span.getEnd());
			int last = sentences.size() - 1;
			if (last >= 0 && (endsWithInitial(block, sentences.get(last)) || endsWithTitle(block, sentences.get(last)))
					&& Character.isUpperCase(block.charAt(range.start()))) {
				// "George F. Hauser", "J. R. R. Tolkien": the model ends sentences at
				// initials.
				sentences.set(last, new Range(sentences.get(last).start(), range.end()));
			}
			else {
				sentences.add(range);
			}
		}
		return sentences;
	}

	/**
	 * A sentence ending in an abbreviation written only before a name: "St. Louis", "Mr.
	 * Smith", "Gen. Miller".
	 */
	private static boolean endsWithTitle(String block, Range sentence) {
		int end = sentence.end();
		if (block.charAt(end - 1) != '.') {
			return false;
		}
		int start = end - 1;
		while (start > sentence.start() && Character.isLetter(block.charAt(start - 1))) {
			start--;
		}
		return NAME_ABBREVIATIONS.contains(block.substring(start, end - 1));
	}

	/** A sentence ending in a lone capital and a period, after a space: an initial. */
	private static boolean endsWithInitial(String block, Range sentence) {
		int end = sentence.end();
		return end - sentence.start() >= 3 && block.charAt(end - 1) == '.'
				&& Character.isUpperCase(block.charAt(end - 2)) && Character.isWhitespace(block.charAt(end - 3));
	}

}
