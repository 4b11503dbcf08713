package newsroom.enrich.text;

import java.util.List;

import newsroom.enrich.nlp.NlpModels;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenNlpSentenceSplitterTests {

	private static final OpenNlpSentenceSplitter splitter = new OpenNlpSentenceSplitter(
			NlpModels.load().englishSentences());

	@Test
	void keepsInitialsWithTheirName() {
		assertThat(split("The report was written by Anna K. Berger and her team. It ran long."))
			.containsExactly("The report was written by Anna K. Berger and her team.", "It ran long.");
	}

	@Test
	void keepsAbbreviationsWrittenBeforeANameWithTheName() {
		assertThat(split("The Harbour Lions moved to St. Louis in 1960. Gen. Okafor spoke to Mr. Lindqvist."))
			.containsExactly("The Harbour Lions moved to St. Louis in 1960.", "Gen. Okafor spoke to Mr. Lindqvist.");
	}

	@Test
	void stillSplitsAtOrdinaryFullStops() {
		assertThat(split("The vote passed. Opponents left the hall.")).containsExactly("The vote passed.",
				"Opponents left the hall.");
	}

	private static List<String> split(String text) {
		return splitter.split(text).stream().map((range) -> text.substring(range.start(), range.end())).toList();
	}

}
