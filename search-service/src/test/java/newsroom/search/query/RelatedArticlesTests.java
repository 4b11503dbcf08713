package newsroom.search.query;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import jakarta.json.stream.JsonGenerator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class RelatedArticlesTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void leavesOutTheArticleAndArticlesThatDuplicateIt() {
		JsonNode bool = toJson(RelatedArticles.query("news-v1", "a1",
				new RelatedArticles.Subject(List.of(new RelatedArticles.Subject.EntityName("Russia", 0.5)), null)))
			.path("bool");
		assertThat(bool.path("must_not").toString()).contains("\"ids\":{\"values\":[\"a1\"]}")
			.contains("\"duplicateOf\":{\"value\":\"a1\"}");
		assertThat(bool.path("must_not").size()).isEqualTo(2);
		assertThat(bool.path("minimum_should_match").asString()).isEqualTo("1");
	}

	@Test
	void leavesOutTheOriginalAndItsOtherDuplicatesForADuplicate() {
		JsonNode mustNot = toJson(
				RelatedArticles.query("news-v1", "copy", new RelatedArticles.Subject(List.of(), "orig")))
			.path("bool")
			.path("must_not");
		assertThat(mustNot.toString()).contains("\"values\":[\"copy\"]", "\"values\":[\"orig\"]",
				"\"duplicateOf\":{\"value\":\"copy\"}", "\"duplicateOf\":{\"value\":\"orig\"}");
	}

	@Test
	void comparesTheWordingOfTheStoredArticleAndItsMostSalientEntities() {
		List<RelatedArticles.Subject.EntityName> entities = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			entities.add(new RelatedArticles.Subject.EntityName("Entity " + i, i / 12.0));
		}
		JsonNode should = toJson(RelatedArticles.query("news-v3", "a1", new RelatedArticles.Subject(entities, null)))
			.path("bool")
			.path("should");
		JsonNode mlt = should.path(0).path("more_like_this");
		assertThat(mlt.path("like").path(0).path("_index").asString()).isEqualTo("news-v3");
		assertThat(mlt.path("like").path(0).path("_id").asString()).isEqualTo("a1");
		assertThat(mlt.path("fields").toString()).isEqualTo("[\"title\",\"summary\",\"text\"]");
		// The ten most salient entities, most salient first.
		assertThat(should.size()).isEqualTo(1 + RelatedArticles.MAX_ENTITIES);
		assertThat(should.path(1).path("term").path("entities.name").path("value").asString()).isEqualTo("Entity 11");
	}

	private static JsonNode toJson(Query query) {
		StringWriter writer = new StringWriter();
		Jackson3JsonpMapper mapper = new Jackson3JsonpMapper();
		try (JsonGenerator generator = mapper.jsonProvider().createGenerator(writer)) {
			query.serialize(generator, mapper);
		}
		return json.readTree(writer.toString());
	}

}
