package newsroom.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares the topics this service declares with what the broker has. Boot's
 * {@code KafkaAdmin} creates missing topics and adds partitions, but never lowers a
 * partition count, changes a replication factor, or (by default) a topic setting another
 * service or an operator chose: each such difference is logged as a warning here instead
 * of passing unnoticed.
 */
public class TopicVerifier {

	private static final Logger logger = LoggerFactory.getLogger(TopicVerifier.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final AdminClient admin;

	private final List<NewTopic> declared;

	public TopicVerifier(AdminClient admin, List<NewTopic> declared) {
		this.admin = admin;
		this.declared = List.copyOf(declared);
	}

	/**
	 * Describe the declared topics on the broker and warn about every difference.
	 * @return the differences, one sentence each
	 */
	public List<String> verify() {
		List<String> names = this.declared.stream().map(NewTopic::name).toList();
		List<ConfigResource> resources = names.stream()
			.map((name) -> new ConfigResource(ConfigResource.Type.TOPIC, name))
			.toList();
		List<String> differences = new ArrayList<>();
		try {
			Map<String, TopicDescription> descriptions = this.admin.describeTopics(names)
				.allTopicNames()
				.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			Map<ConfigResource, Config> configs = this.admin.describeConfigs(resources)
				.all()
				.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			for (NewTopic topic : this.declared) {
				differences.addAll(differences(topic, descriptions.get(topic.name()),
						configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()))));
			}
		}
		catch (Exception ex) {
			logger.warn("Could not verify the settings of topics {}: {}", names, ex.getMessage());
			return List.of();
		}
		differences.forEach((difference) -> logger.warn("Topic settings differ from this service's: {}", difference));
		return differences;
	}

	static List<String> differences(NewTopic expected, TopicDescription actual, Config config) {
		List<String> differences = new ArrayList<>();
		String name = expected.name();
		if (actual == null) {
			differences.add(name + " does not exist");
			return differences;
		}
		int partitions = actual.partitions().size();
		if (expected.numPartitions() > 0 && partitions != expected.numPartitions()) {
			differences.add(name + " has " + partitions + " partitions, not " + expected.numPartitions());
		}
		int replicas = actual.partitions().isEmpty() ? 0 : actual.partitions().get(0).replicas().size();
		if (expected.replicationFactor() > 0 && replicas != expected.replicationFactor()) {
			differences.add(name + " has replication factor " + replicas + ", not " + expected.replicationFactor());
		}
		Map<String, String> settings = (expected.configs() != null) ? expected.configs() : Map.of();
		settings.forEach((key, value) -> {
			ConfigEntry entry = (config != null) ? config.get(key) : null;
			String current = (entry != null) ? entry.value() : null;
			if (!Objects.equals(current, value)) {
				differences.add(name + " has " + key + "=" + current + ", not " + value);
			}
		});
		return differences;
	}

}
