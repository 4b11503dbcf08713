package newsroom.search;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * search-service: indexes enriched articles from Kafka into Elasticsearch and serves the
 * search API.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SearchApplication {

	public static void main(String[] args) {
		SpringApplication.run(SearchApplication.class, args);
	}

}
