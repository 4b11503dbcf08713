package newsroom.search;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the service serves besides the API itself: the OpenAPI description, its browsable
 * form, and the dashboard's static files.
 */
class ApiDocumentationIntegrationTests extends RealServersTestSupport {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MockMvcTester mvc;

	@Test
	void describesEveryEndpointInTheOpenApiDocument() {
		MvcTestResult result = this.mvc.get().uri("/v3/api-docs").exchange();
		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		JsonNode document = json.readTree(body(result));
		assertThat(document.path("openapi").asString()).startsWith("3.");
		assertThat(document.path("info").path("title").asString()).isEqualTo("Newsroom search-service");
		List<String> paths = new ArrayList<>(document.path("paths").propertyNames());
		assertThat(paths).containsExactlyInAnyOrder("/api/v1/search", "/api/v1/articles/{id}",
				"/api/v1/articles/{id}/related", "/api/v1/suggest", "/api/v1/trends", "/api/v1/alerts",
				"/api/v1/alerts/{id}", "/api/v1/alerts/{id}/matches", "/api/v1/stories", "/api/v1/stories/{id}");
		assertThat(parameters(document, "/api/v1/search")).containsExactlyInAnyOrder("q", "entity", "tag", "source",
				"language", "from", "to", "sort", "size", "cursor", "collapse");
		assertThat(parameters(document, "/api/v1/stories")).containsExactlyInAnyOrder("from", "to", "tag", "entity",
				"source", "sort", "size", "cursor");
		assertThat(parameters(document, "/api/v1/stories/{id}")).containsExactly("id");
	}

	private static List<String> parameters(JsonNode document, String path) {
		List<String> names = new ArrayList<>();
		document.path("paths")
			.path(path)
			.path("get")
			.path("parameters")
			.forEach((parameter) -> names.add(parameter.path("name").asString()));
		return names;
	}

	@Test
	void servesTheBrowsableApiDescription() {
		assertThat(this.mvc.get().uri("/swagger-ui.html")).hasStatus3xxRedirection()
			.redirectedUrl()
			.contains("swagger-ui/index.html");
		assertThat(this.mvc.get().uri("/swagger-ui/index.html")).hasStatusOk();
	}

	@Test
	void servesTheDashboardPage() {
		assertThat(this.mvc.get().uri("/")).hasStatusOk().hasForwardedUrl("index.html");
		MvcTestResult page = this.mvc.get().uri("/index.html").exchange();
		assertThat(page).hasStatusOk().hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
		assertThat(body(page)).contains("<title>Newsroom", "app.js", "app.css", "id=\"q\"");
		assertThat(this.mvc.get().uri("/app.js")).hasStatusOk();
		assertThat(this.mvc.get().uri("/app.css")).hasStatusOk();
	}

}
