package newsroom.enrich.pipeline;

import java.time.Instant;
import java.util.List;

import com.networknt.schema.Error;
import newsroom.enrich.TestArticles;
import newsroom.enrich.analysis.Enricher;
import newsroom.events.EnrichedArticle;
import newsroom.events.Origin;
import newsroom.events.RawArticle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the enricher makes of an article, the record it publishes must validate
 * against the {@code news.articles.enriched.v1} schema that subscribers read.
 */
class EnrichedArticleContractTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Enricher enricher = TestArticles.enricher();

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
			North Korea deploys troops to Russia | SAMPLE                                     | NULL
			Title                                |                                            | NULL
			2024                                 | 12 345 678                                 | NULL
			Title                                | Short.                                     | xx
			Bisaya                               | Maayong buntag sa tanan nga mga higala ko. | NULL
			Ein Titel                            | Ein kurzer deutscher Satz über das Wetter. | de-AT
			""")
	void publishesRecordsThatValidateAgainstEnrichedSchema(String title, String text, String language) {
		String body = "SAMPLE".equals(text) ? TestArticles.sample(TestArticles.SAMPLE) : (text != null) ? text : "";
		Instant now = Instant.parse("2024-11-01T10:00:00Z");
		RawArticle raw = new RawArticle(RawArticle.SCHEMA_VERSION, "id-1", now.toEpochMilli(), null, null, "eastside",
				title, body, null, now, now, language, "hash", Origin.API, null);

		EnrichedArticle enriched = EnrichedArticle.of(raw, enricher.enrich(title, body, language), now, null);

		assertThat(schemaErrors(enriched)).isEmpty();
	}

	private static List<Error> schemaErrors(EnrichedArticle article) {
		return EnrichedSchema.errors(json.valueToTree(article));
	}

}
