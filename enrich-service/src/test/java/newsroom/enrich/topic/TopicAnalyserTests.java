package newsroom.enrich.topic;

import java.util.Map;

import newsroom.enrich.TestArticles;
import newsroom.enrich.analysis.Enricher;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopicAnalyserTests {

	private static final Enricher enricher = TestArticles.enricher();

	@Test
	void tagsSportStory() {
		assertThat(tags("Late goal wins the derby",
				"The striker scored in the final minute as the home team won "
						+ "the league match. The coach praised the players and the fans in the stadium."))
			.startsWith("sport");
	}

	@Test
	void tagsSeveralTopicsHighestFirst() {
		assertThat(tags("Flood closes hospital",
				"Flooding forced the evacuation of the city hospital on Monday. Patients were moved to other "
						+ "hospitals while rescue teams pumped water out of the wards, and doctors cancelled "
						+ "surgery for the week."))
			.containsExactly("disaster-accident-emergency", "health");
	}

	@Test
	void leavesTextWithoutTopicWordsUntagged() {
		assertThat(tags("A note", "The blue box stood next to the green one for a while.")).isEmpty();
	}

	@Test
	void keepsOnlyTopicsAboveThresholdAndNearTheBest() {
		assertThat(TopicAnalyser.tags(Map.of("sport", 20.0, "politics", 5.0, "health", 3.9, "weather", 4.5)))
			.containsExactly("sport", "politics", "weather");
		assertThat(TopicAnalyser.tags(Map.of("sport", 40.0, "politics", 5.0))).containsExactly("sport");
	}

	private static java.util.List<String> tags(String title, String text) {
		return enricher.enrich(title, text, "en").tags();
	}

}
