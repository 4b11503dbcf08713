package newsroom.search.bench;

import newsroom.search.SearchApplication;
import newsroom.testkit.NewsroomServers;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * search-service in the benchmark's JVM, on the embedded Kafka and Elasticsearch, with an
 * alias, consumer group, alert topic and indices of its own, so that a run starts empty.
 */
final class BenchService {

	private BenchService() {
	}

	/**
	 * Start the service on a free port.
	 * @param run the run's name: its consumer group, and part of every name it uses
	 * @return the running service; {@code local.server.port} is its port
	 */
	static ConfigurableApplicationContext start(String run) {
		String alias = "news-" + run;
		return new SpringApplication(SearchApplication.class).run("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + NewsroomServers.kafka().bootstrapServers(),
				"--newsroom.elasticsearch.uris=" + NewsroomServers.elasticsearch().uri(),
				"--spring.kafka.consumer.group-id=" + run, "--newsroom.search.index.alias=" + alias,
				"--newsroom.search.index.name-prefix=" + alias + "-v", "--newsroom.search.index.template-name=" + alias,
				"--newsroom.search.alerts.topic=newsroom.search.alerts." + run,
				"--newsroom.search.alerts.matches-index=alert-matches-" + run,
				"--newsroom.search.stories.index=news-stories-" + run, "--logging.level.root=WARN");
	}

}
