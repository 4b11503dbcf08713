package newsroom.enrich.topic;

import java.nio.file.Path;
import java.util.List;

import newsroom.enrich.TestArticles;
import newsroom.enrich.analysis.Enricher;
import newsroom.enrich.eval.TopicEvaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headlines with one sentence each, five per topic across all 17, written for Newsroom as
 * a test set and never used to train or tune ({@code topics/headlines.tsv}): the top tag
 * is the labelled topic for nearly all, and every item gets a tag.
 */
class TopicHeadlinesTests {

	private static final Enricher enricher = TestArticles.enricher();

	@Test
	void givesTheRightTopTagToNearlyAllHeadlinesAcrossEveryTopic() {
		List<String[]> items = TopicEvaluation.read(Path.of("src", "test", "resources", "topics", "headlines.tsv"));

		TopicEvaluation.Result result = TopicEvaluation.evaluate(enricher, items, false);

		assertThat(items).hasSizeGreaterThanOrEqualTo(40);
		assertThat(result.byTopic()).hasSize(17);
		assertThat(result.untagged()).isZero();
		assertThat(result.accuracy()).isGreaterThanOrEqualTo(0.85);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					economy-business-finance | Tellvane Semiconductor beats forecasts | The chip maker's third-quarter revenue rose 21% to $4.1 billion on demand for data-centre processors, and it raised its full-year outlook.
					crime-law-justice | Appeals court strikes down curfew law | Judges ruled 2-1 that the city's youth curfew breached constitutional rights and ordered the police to stop enforcing it.
					disaster-accident-emergency | Hundreds flee as river bursts its banks | Rescue boats ferried families from flooded homes overnight after days of rain sent the river two metres above its banks.
					arts-culture-entertainment | Stars walk the red carpet for Lisbon premiere | The director's new thriller opened the film festival on Friday, with its lead actors greeted by hundreds of fans outside the cinema.
					""")
	void tagsAHeadlineAndOneSentenceByItsSubject(String topic, String headline, String sentence) {
		assertThat(enricher.enrich(headline, sentence, "en").tags()).first().isEqualTo(topic);
	}

}
