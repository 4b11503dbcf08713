package newsroom.enrich.analysis;

/**
 * A token of an article's text, with its character offsets in {@link Document#text()}.
 *
 * @param start offset of the first character
 * @param end offset after the last character
 * @param text the token as written
 */
public record Token(int start, int end, String text) {
}
