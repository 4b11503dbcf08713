package newsroom.enrich.eval;

import java.util.List;

/**
 * A document with its names marked by hand: the text as the enricher would get it, and
 * each name's character span and type ({@code PER}, {@code ORG}, {@code LOC} or
 * {@code MISC}).
 *
 * @param id where it comes from, for reports
 * @param topic its topic slug, or an empty string
 * @param title the headline, or an empty string
 * @param text the text
 * @param names the marked names, in order
 */
public record LabelledDocument(String id, String topic, String title, String text, List<Name> names) {

	public LabelledDocument {
		names = List.copyOf(names);
	}

	/**
	 * One marked name.
	 *
	 * @param start offset of its first character in the text
	 * @param end offset after its last character
	 * @param type PER, ORG, LOC or MISC
	 */
	public record Name(int start, int end, String type) {
	}

	/**
	 * The name's text.
	 * @param name a name of this document
	 * @return its characters in the text
	 */
	public String text(Name name) {
		return this.text.substring(name.start(), name.end());
	}

}
