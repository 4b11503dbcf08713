package newsroom.search.suggest;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestionsTests {

	@Test
	void putsEntitiesFirstAndKeepsAThirdOfThePlacesForTitles() {
		List<SuggestResponse.Suggestion> entities = List.of(entity("North Korea"), entity("Norway"),
				entity("Northern Ireland"), entity("North Macedonia"));
		List<SuggestResponse.Suggestion> titles = List.of(title("North Korea deploys troops"), title("Norway votes"));
		assertThat(Suggestions.merge(entities, titles, 3)).extracting(SuggestResponse.Suggestion::text)
			.containsExactly("North Korea", "Norway", "North Korea deploys troops");
		assertThat(Suggestions.merge(entities, titles, 10)).hasSize(6);
	}

	@Test
	void offersEachTextOnceWhateverItsCase() {
		List<SuggestResponse.Suggestion> merged = Suggestions.merge(List.of(entity("Brexit")),
				List.of(title("brexit"), title("Brexit talks")), 10);
		assertThat(merged).extracting(SuggestResponse.Suggestion::text).containsExactly("Brexit", "Brexit talks");
		assertThat(merged.get(0).type()).isEqualTo("LOCATION");
	}

	@Test
	void fillsWithTitlesWhenThereAreFewEntities() {
		assertThat(Suggestions.merge(List.of(), List.of(title("a"), title("b"), title("c")), 2))
			.extracting(SuggestResponse.Suggestion::type)
			.containsExactly("TITLE", "TITLE");
	}

	private static SuggestResponse.Suggestion entity(String text) {
		return new SuggestResponse.Suggestion(text, "LOCATION");
	}

	private static SuggestResponse.Suggestion title(String text) {
		return new SuggestResponse.Suggestion(text, "TITLE");
	}

}
