package newsroom.ingest;

import newsroom.ingest.config.IngestProperties;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Entry point of ingest-service: takes articles in over HTTP, cleans and identifies them,
 * and publishes them to the raw article topic.
 */
@SpringBootApplication
@EnableConfigurationProperties(IngestProperties.class)
public class IngestApplication {

	public static void main(String[] args) {
		SpringApplication.run(IngestApplication.class, args);
	}

}
