package newsroom.enrich.text;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BlocksTests {

	@Test
	void makesEachLineOfScrapedPageABlock() {
		assertThat(blocks("Prose ends here.\nHeadline Without Period\nStory continues below advertisement\n0\n"))
			.containsExactly("Prose ends here.", "Headline Without Period", "Story continues below advertisement", "0");
	}

	@Test
	void joinsHardWrappedSentence() {
		assertThat(blocks("The minister said that the plan\nwould go ahead, and\nthat nothing would change.\n\nNext."))
			.containsExactly("The minister said that the plan\nwould go ahead, and\nthat nothing would change.",
					"Next.");
	}

	@Test
	void separatesParagraphsAtBlankLines() {
		assertThat(blocks("  First paragraph,\r\n\r\n  second one.  ")).containsExactly("First paragraph,",
				"second one.");
	}

	@Test
	void findsNoBlocksInBlankText() {
		assertThat(blocks("")).isEmpty();
		assertThat(blocks(" \n\t\n")).isEmpty();
	}

	private static List<String> blocks(String text) {
		return Blocks.of(text).stream().map((range) -> text.substring(range.start(), range.end())).toList();
	}

}
