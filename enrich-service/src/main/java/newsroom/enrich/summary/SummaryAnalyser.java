package newsroom.enrich.summary;

import java.util.ArrayList;
import java.util.List;

import newsroom.enrich.analysis.Analyser;
import newsroom.enrich.analysis.Document;
import newsroom.enrich.analysis.Sentence;

/**
 * Writes an extractive lead summary: the first one to three whole prose sentences of the
 * article, together at most 600 characters, skipping headings and page furniture. Runs
 * after the text stage.
 */
public final class SummaryAnalyser implements Analyser {

	/** The event contract's limit. */
	static final int MAX_CHARS = 600;

	/** The event contract's limit. */
	static final int MAX_SENTENCES = 3;

	private static final String ELLIPSIS = "…";

	@Override
	public String name() {
		return "summary";
	}

	@Override
	public void analyse(Document document) {
		List<String> picked = new ArrayList<>();
		int length = 0;
		for (Sentence sentence : document.sentences()) {
			String text = normalise(sentence.text());
			if (Furniture.test(text, document.title())) {
				continue;
			}
			int next = picked.isEmpty() ? text.length() : length + 1 + text.length();
			if (next > MAX_CHARS) {
				if (picked.isEmpty()) {
					// A first sentence longer than the whole budget cannot lead; try the
					// next.
					continue;
				}
				// Stop rather than skip, so that the summary reads as consecutive prose.
				break;
			}
			picked.add(text);
			length = next;
			if (picked.size() == MAX_SENTENCES) {
				break;
			}
		}
		document.setSummary(picked.isEmpty() ? fallback(document) : String.join(" ", picked));
	}

	/**
	 * Text without a single usable sentence (one run-on paragraph, a list of lines) still
	 * gets its opening words, cut at a word boundary, rather than no summary at all.
	 */
	private static String fallback(Document document) {
		String text = normalise(document.text());
		if (text.length() <= MAX_CHARS) {
			return text;
		}
		int cut = text.lastIndexOf(' ', MAX_CHARS - ELLIPSIS.length());
		if (cut <= 0) {
			cut = MAX_CHARS - ELLIPSIS.length();
		}
		return text.substring(0, cut).stripTrailing() + ELLIPSIS;
	}

	private static String normalise(String text) {
		return text.strip().replaceAll("\\s+", " ");
	}

}
