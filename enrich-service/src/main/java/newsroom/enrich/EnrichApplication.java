package newsroom.enrich;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * enrich-service: reads raw articles, works out their language, entities, topic tags,
 * keywords, summary, near-duplicates and story, and publishes enriched articles and story
 * snapshots exactly once.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EnrichApplication {

	public static void main(String[] args) {
		SpringApplication.run(EnrichApplication.class, args);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
