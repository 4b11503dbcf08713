package newsroom.enrich.topic;

import java.util.List;
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
	void leavesTextWithoutAnyKnownWordUntagged() {
		assertThat(tags("Qzx", "Vrumble zorf plinket wuzzard.")).isEmpty();
	}

	@Test
	void putsTheClassifiersTopicFirstThenLexiconTopicsNearTheBest() {
		assertThat(TopicAnalyser.tags("sport", Map.of("sport", 20.0, "politics", 5.0, "health", 3.9, "weather", 4.5)))
			.containsExactly("sport", "politics", "weather");
		assertThat(TopicAnalyser.tags("economy-business-finance", Map.of("sport", 40.0, "politics", 5.0)))
			.containsExactly("economy-business-finance", "sport");
		assertThat(TopicAnalyser.tags("weather", Map.of())).containsExactly("weather");
	}

	private static List<String> tags(String title, String text) {
		return enricher.enrich(title, text, "en").tags();
	}

}
