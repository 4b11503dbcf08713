package newsroom.enrich.text;

import java.util.List;

/**
 * Splits one block of text into sentences.
 */
interface SentenceSplitter {

	/**
	 * Split a block.
	 * @param block a paragraph or line, without surrounding whitespace
	 * @return the sentences' offsets in the block, in order, without surrounding
	 * whitespace
	 */
	List<Range> split(String block);

}
