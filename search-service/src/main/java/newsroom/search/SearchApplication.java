package newsroom.search;

import newsroom.search.indexing.ReindexCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * search-service: indexes enriched articles from Kafka into Elasticsearch and serves the
 * search API and the dashboard. With {@code --reindex} it rebuilds the index instead and
 * exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SearchApplication {

	public static void main(String[] args) {
		if (ReindexCommand.isRequested(args)) {
			System.exit(ReindexCommand.run(SearchApplication.class, args));
		}
		SpringApplication.run(SearchApplication.class, args);
	}

}
