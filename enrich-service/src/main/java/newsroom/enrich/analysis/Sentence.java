package newsroom.enrich.analysis;

import java.util.List;

/**
 * A sentence of an article's text, with its character offsets in {@link Document#text()}
 * and its tokens.
 *
 * @param start offset of the first character
 * @param end offset after the last character
 * @param text the sentence as written
 * @param block index of the paragraph or line the sentence belongs to, from 0
 * @param tokens the sentence's tokens, in order
 */
public record Sentence(int start, int end, String text, int block, List<Token> tokens) {

	public Sentence {
		tokens = List.copyOf(tokens);
	}

}
