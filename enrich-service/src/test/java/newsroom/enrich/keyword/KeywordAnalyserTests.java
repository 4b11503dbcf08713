package newsroom.enrich.keyword;

import java.util.List;
import java.util.Locale;

import newsroom.enrich.TestArticles;
import newsroom.enrich.analysis.Enricher;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordAnalyserTests {

	private static final Enricher enricher = TestArticles.enricher();

	private static final String TEXT = "The city council approved a congestion charge for the city centre on "
			+ "Tuesday. The congestion charge will cost drivers 8 euros a day. Shopkeepers fear the congestion "
			+ "charge will drive customers away, but the council says public transport will get the money. "
			+ "Electric vans and taxis are exempt from the charge.";

	@Test
	void ranksRepeatedSpecificPhrasesFirst() {
		assertThat(keywords(TEXT).get(0)).isEqualTo("congestion charge");
	}

	@Test
	void keepsAtMostTenLowerCasePhrasesWithoutStopWordsOrDuplicatedStems() {
		List<String> keywords = keywords(TEXT + " " + TEXT.replace("city", "town"));

		assertThat(keywords).hasSizeLessThanOrEqualTo(10)
			.doesNotHaveDuplicates()
			.allSatisfy((keyword) -> assertThat(keyword).isEqualTo(keyword.toLowerCase(Locale.ROOT)))
			.noneMatch((keyword) -> List.of("the", "will", "and", "a", "for").contains(keyword));
		assertThat(keywords).filteredOn((keyword) -> keyword.contains("charge")).hasSize(1);
	}

	@Test
	void findsNoKeywordsInEmptyText() {
		assertThat(keywords("")).isEmpty();
	}

	private static List<String> keywords(String text) {
		return enricher.enrich("Congestion charge approved", text, "en").keywords();
	}

}
