package newsroom.enrich.entity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CueWordsTests {

	private static final CueWords shipped = Gazetteer.load().cueWords();

	@Test
	void readsEveryListWithItsCaseAndPhrases() {
		assertThat(shipped.calendar()).contains("May", "Christmas").doesNotContain("may");
		assertThat(shipped.notOrganisations()).contains("CEOs", "PhD", "CO2");
		assertThat(shipped.speechBefore()).contains("according to", "said");
		assertThat(shipped.placePrefixes()).contains("city of", "capital of");
		assertThat(shipped.connectors()).contains("&", "van", "bint");
		assertThat(shipped.taggerConnectors()).contains("&", "van").doesNotContain("bint");
		assertThat(shipped.taggerSpeech()).contains("announced").doesNotContain("tweeted");
		assertThat(shipped.speechAfter()).contains("tweeted");
	}

	@Test
	void tellsNamesFromAdjectivesMadeOfThem() {
		assertThat(shipped.nameLike("Stockholm")).isTrue();
		assertThat(shipped.nameLike("Jean-Luc")).isTrue();
		assertThat(shipped.nameLike("Stockholm-based")).isFalse();
		assertThat(shipped.nameLike("Ukraine-controlled")).isFalse();
		assertThat(shipped.nameLike("stockholm")).isFalse();
		assertThat(shipped.nameLike("")).isFalse();
	}

	@Test
	void refusesAMissingList() {
		Map<String, List<String>> lists = lists();
		lists.remove("calendar");

		assertThatIllegalStateException().isThrownBy(() -> CueWords.of(lists)).withMessageContaining("calendar");
	}

	@Test
	void refusesAnUnknownList() {
		Map<String, List<String>> lists = lists();
		lists.put("calender", List.of("May"));

		assertThatIllegalStateException().isThrownBy(() -> CueWords.of(lists)).withMessageContaining("calender");
	}

	private static Map<String, List<String>> lists() {
		Map<String, List<String>> lists = new HashMap<>();
		for (String name : List.of("connectors", "organisation-connectors", "organisation-nouns", "adjective-suffixes",
				"place-prepositions", "place-nouns", "place-prefixes", "speech-after", "speech-before",
				"not-organisations", "calendar", "tagger-connectors", "tagger-speech")) {
			lists.put(name, List.of("word"));
		}
		return lists;
	}

}
