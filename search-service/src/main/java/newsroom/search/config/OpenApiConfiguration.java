package newsroom.search.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The heading of the OpenAPI description served at {@code /v3/api-docs} (and browsable at
 * {@code /swagger-ui.html}); the operations come from the controllers.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI newsroomSearchApi() {
		return new OpenAPI().info(new Info().title("Newsroom search-service")
			.version("v1")
			.description("Full-text search, facets, timeline, related articles, suggestions and trends over "
					+ "the enriched news articles. Errors are RFC 9457 problem documents; bad parameters are a "
					+ "400 with an `errors` list.")
			.license(new License().name("Internal")));
	}

}
