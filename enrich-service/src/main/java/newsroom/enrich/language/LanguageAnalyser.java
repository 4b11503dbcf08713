package newsroom.enrich.language;

import java.util.Optional;

import newsroom.enrich.analysis.Analyser;
import newsroom.enrich.analysis.Document;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Sets the document's ISO 639-1 language: the one the sender gave when it is a valid
 * code, else the one OpenNLP's language detector finds in the title and text. The event
 * contract requires a code, so there always is one.
 */
public final class LanguageAnalyser implements Analyser {

	/**
	 * Detection is linear in the sample: six hundred characters of news (the title and
	 * the first paragraph or two) are as decisive as the whole text, at a fraction of the
	 * time.
	 */
	static final int SAMPLE_CHARS = 600;

	/**
	 * For a text without a single letter there is nothing to detect; the pipeline's main
	 * language is the least surprising answer.
	 */
	static final String FALLBACK = "en";

	private final CharNgramDetector detector;

	/**
	 * Create the analyser.
	 * @param model the shared language detector model
	 */
	public LanguageAnalyser(LanguageDetectorModel model) {
		this.detector = new CharNgramDetector(model);
	}

	@Override
	public String name() {
		return "language";
	}

	@Override
	public void analyse(Document document) {
		Optional<String> language = document.languageHint()
			.flatMap(LanguageCodes::toIso6391)
			.or(() -> detect(sample(document.title(), document.text())));
		document.setLanguage(language.orElse(FALLBACK));
	}

	/**
	 * The start of the title and text joined by a newline, as {@link #detect} would cut
	 * it, without copying the whole text first.
	 */
	private static String sample(String title, String text) {
		int fromText = Math.max(0, Math.min(text.length(), SAMPLE_CHARS - title.length() - 1));
		return title + "\n" + text.substring(0, fromText);
	}

	/**
	 * Detect the language of a text.
	 * @param text any text
	 * @return the ISO 639-1 code, empty for a text without letters
	 */
	Optional<String> detect(String text) {
		String sample = (text.length() > SAMPLE_CHARS) ? text.substring(0, SAMPLE_CHARS) : text;
		if (sample.codePoints().noneMatch(Character::isLetter)) {
			return Optional.empty();
		}
		// Best first. Some detector languages (Cebuano, Low German...) have no ISO 639-1
		// code; then the next best guess that has one is usually of the same family.
		for (String prediction : this.detector.languages(sample)) {
			Optional<String> code = LanguageCodes.toIso6391(prediction);
			if (code.isPresent()) {
				return code;
			}
		}
		return Optional.empty();
	}

}
