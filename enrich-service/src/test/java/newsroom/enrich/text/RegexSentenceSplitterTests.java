package newsroom.enrich.text;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegexSentenceSplitterTests {

	private final RegexSentenceSplitter splitter = new RegexSentenceSplitter();

	@Test
	void splitsAtTerminalPunctuationBeforeCapital() {
		assertThat(split("Es regnet. Wird es morgen besser? Ja! 2025 wird trocken.")).containsExactly("Es regnet.",
				"Wird es morgen besser?", "Ja!", "2025 wird trocken.");
	}

	@Test
	void keepsClosingQuotesWithTheirSentence() {
		assertThat(split("« C'est fini. » Le ministre est parti. „Gut.“ Dann nichts."))
			.containsExactly("« C'est fini. »", "Le ministre est parti.", "„Gut.“", "Dann nichts.");
	}

	@Test
	void doesNotSplitAfterOrdinalsInitialsOrAbbreviations() {
		assertThat(split("Am 3. Oktober sprach Dr. Müller mit J. Schmidt, z.B. über Geld. Danach ging er."))
			.containsExactly("Am 3. Oktober sprach Dr. Müller mit J. Schmidt, z.B. über Geld.", "Danach ging er.");
	}

	@Test
	void doesNotSplitBeforeLowerCase() {
		assertThat(split("Der Preis stieg um ca. 5 Prozent. es folgte nichts.")).hasSize(1);
	}

	@Test
	void keepsTextWithoutPunctuationWhole() {
		assertThat(split("Eine Überschrift ohne Punkt")).containsExactly("Eine Überschrift ohne Punkt");
	}

	private List<String> split(String block) {
		return this.splitter.split(block).stream().map((range) -> block.substring(range.start(), range.end())).toList();
	}

}
