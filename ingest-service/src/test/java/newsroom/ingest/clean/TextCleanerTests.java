package newsroom.ingest.clean;

import java.util.Arrays;
import java.util.List;

import newsroom.ingest.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextCleanerTests {

	private static final String SAMPLE_TITLE = "North Korea deploys troops to Russia";

	private final TextCleaner cleaner = new TextCleaner();

	@Test
	void keepsEveryStoryParagraphOfTheSampleAndNoFurniture() {
		String raw = Samples.read(Samples.NORTH_KOREA_TROOPS);
		List<String> lines = raw.lines().toList();
		int titleRepeat = lines.indexOf(SAMPLE_TITLE);
		assertThat(titleRepeat).as("the sample repeats its title after the story").isPositive();
		List<String> story = lines.subList(0, titleRepeat).stream().filter((line) -> !line.isBlank()).toList();

		String cleaned = this.cleaner.clean(raw, SAMPLE_TITLE);

		assertThat(paragraphs(cleaned)).containsExactlyElementsOf(story);
		assertThat(cleaned).doesNotContain("Story continues below advertisement", "Tags:", "About the Contributor",
				"Chloe Ren", "sophomore", "Chipotle", SAMPLE_TITLE);
		assertThat(paragraphs(cleaned)).noneMatch((paragraph) -> paragraph.equals("0"));
		assertThat(cleaned).startsWith("North Korea has sent")
			.startsWith(story.get(0))
			.endsWith("Indo-Pacific region as a whole.")
			.endsWith(story.get(story.size() - 1));
	}

	@Test
	void readsTheAuthorFromTheSamplesContributorBlock() {
		assertThat(this.cleaner.contributor(Samples.read(Samples.NORTH_KOREA_TROOPS))).contains("Chloe Ren");
	}

	@Test
	void readsContributorNamesWithAndWithoutARole() {
		assertThat(this.cleaner.contributor("Story.\nAbout the Author\nDaniel Kim, Business Reporter\nDaniel is..."))
			.contains("Daniel Kim");
		assertThat(this.cleaner.contributor("Story.\n\nAbout the Contributor\n\nMarie-Claire O’Neil\n"))
			.contains("Marie-Claire O’Neil");
	}

	@Test
	void findsNoContributorWhenThereIsNoNameLine() {
		assertThat(this.cleaner.contributor("A story with no author block at all.")).isEmpty();
		assertThat(this.cleaner.contributor("Story.\nAbout the Contributor\nShe is a sophomore who loves reading."))
			.isEmpty();
		assertThat(this.cleaner.contributor(null)).isEmpty();
	}

	@Test
	void keepsCurlyQuotesOfTheSample() {
		String raw = Samples.read(Samples.NORTH_KOREA_TROOPS);
		String quotation = raw.substring(raw.indexOf('“'), raw.indexOf('”') + 1);
		assertThat(quotation).as("the sample's first quotation").startsWith("“fully intends").endsWith(",”");

		String cleaned = this.cleaner.clean(raw, SAMPLE_TITLE);

		assertThat(cleaned).contains(quotation).contains("Pyongyang’s involvement");
	}

	@Test
	void dropsTheAuthorBlockEvenWithoutTheTitle() {
		String cleaned = this.cleaner.clean(Samples.read(Samples.NORTH_KOREA_TROOPS));

		assertThat(cleaned).doesNotContain("About the Contributor", "Chloe Ren", "Story continues");
		assertThat(paragraphs(cleaned)).hasSize(7).last().isEqualTo(SAMPLE_TITLE);
	}

	@Test
	void separatesParagraphsWithOneBlankLine() {
		String cleaned = this.cleaner.clean("First paragraph.\r\nSecond paragraph.\n\n\n\nThird paragraph.\n");

		assertThat(cleaned).isEqualTo("First paragraph.\n\nSecond paragraph.\n\nThird paragraph.");
	}

	@Test
	void joinsHardWrappedLines() {
		String cleaned = this.cleaner.clean("""
				The council met on Monday evening to discuss the budget for
				next year, and after a long debate it voted to raise spending
				on schools.

				The mayor welcomed the vote.
				""");

		assertThat(cleaned).isEqualTo("The council met on Monday evening to discuss the budget for next year, and "
				+ "after a long debate it voted to raise spending on schools.\n\nThe mayor welcomed the vote.");
	}

	@Test
	void keepsLongLinesAsParagraphsAroundAStrayBlankLine() {
		String raw = Samples.read(Samples.NORTH_KOREA_TROOPS);
		List<String> lines = raw.lines().toList();
		String withBlankLine = String.join("\n", lines.subList(0, 3)) + "\n\n" + String.join("\n", lines.subList(3, 6));

		assertThat(paragraphs(this.cleaner.clean(withBlankLine, SAMPLE_TITLE)))
			.containsExactlyElementsOf(lines.subList(0, 6));
	}

	@Test
	void normalisesWhitespaceAndUnicode() {
		String decomposed = "Caf\u0065\u0301 owners\u00a0 met\t\tin   Zu\u0308rich\u200b today. ";

		String cleaned = this.cleaner.clean("  " + decomposed + "\n");

		assertThat(cleaned).isEqualTo("Caf\u00e9 owners met in Z\u00fcrich today.");
	}

	@Test
	void dropsLeadingAndTrailingRepeatsOfTheTitle() {
		String cleaned = this.cleaner.clean(
				"Markets rally on rate cut\nStocks rose on Monday.\nMarkets Rally on Rate Cut!",
				"Markets rally on rate cut");

		assertThat(cleaned).isEqualTo("Stocks rose on Monday.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Story continues below advertisement", "(Story continues below)", "ADVERTISEMENT",
			"Advertisement:", "Continue reading below", "0", "12", "•", "* * *", "Tags:",
			"Tags: North Korea, Russia, Ukraine", "Filed under: World", "Related: Kursk offensive stalls",
			"Read more: Why Pyongyang needs Moscow", "Share", "Share this article", "Share on Facebook",
			"Share via Email", "Tweet", "Copy link", "Subscribe", "Subscribe to Eastside",
			"Sign up for our daily newsletter", "Get the latest headlines delivered to your inbox",
			"Follow us on Instagram", "Follow Chloe Ren on X", "Follow @eastside", "Leave a comment", "3 Comments",
			"Comments (0)", "© 2024 Eastside", "Copyright 2024 The Eastside. All rights reserved.",
			"Click here to read more" })
	void dropsFurnitureLines(String furniture) {
		String cleaned = this.cleaner.clean("The council met on Monday.\n" + furniture + "\nIt voted to act.");

		assertThat(cleaned).isEqualTo("The council met on Monday.\n\nIt voted to act.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "About the Author", "About the author:", "ABOUT THE CONTRIBUTORS", "About the Writer",
			"Author bio" })
	void dropsTheAuthorBlockAndEverythingAfterIt(String heading) {
		String cleaned = this.cleaner.clean("The council met on Monday.\nIt voted to act.\n" + heading
				+ "\nJane Doe, Staff Writer\nJane loves tea.");

		assertThat(cleaned).isEqualTo("The council met on Monday.\n\nIt voted to act.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Share prices fell sharply on Monday after the announcement.",
			"Follow-up talks are planned for next week in Geneva.",
			"Subscribers to the plan pay less, the ministry said.", "Tags on the crates showed their origin.",
			"Related research found the opposite effect.", "Copyright law was not part of the talks.",
			"“Advertisement is everywhere,” she said.", "Keywords-based searches rose in 2024." })
	void keepsStorySentencesThatStartLikeFurniture(String sentence) {
		String cleaned = this.cleaner.clean("The council met on Monday.\n" + sentence);

		assertThat(cleaned).isEqualTo("The council met on Monday.\n\n" + sentence);
	}

	@Test
	void keepsAnAuthorHeadingThatOpensTheText() {
		String cleaned = this.cleaner.clean("About the author\nJane Doe writes about cities.");

		assertThat(cleaned).isEqualTo("Jane Doe writes about cities.");
	}

	@Test
	void answersEmptyForNothingButFurniture() {
		assertThat(this.cleaner.clean("Advertisement\n0\nTags:\n")).isEmpty();
		assertThat(this.cleaner.clean(null)).isEmpty();
		assertThat(this.cleaner.clean(" \n\t ")).isEmpty();
	}

	@Test
	void cleansSingleLines() {
		assertThat(this.cleaner.cleanLine("  North\u00a0Korea \n deploys\u200b troops "))
			.isEqualTo("North Korea deploys troops");
		assertThat(this.cleaner.cleanLine(null)).isEmpty();
	}

	private static List<String> paragraphs(String cleaned) {
		return Arrays.asList(cleaned.split(TextCleaner.PARAGRAPH_SEPARATOR));
	}

	@Test
	void dropsShareBarsFlattenedIntoOneLine() {
		String cleaned = this.cleaner
			.clean("The council met.\nShare this: Facebook X Email\nShare on Facebook Share on X\n"
					+ "It voted to share the costs with the region.");

		assertThat(cleaned).isEqualTo("The council met.\n\nIt voted to share the costs with the region.");
	}

}
