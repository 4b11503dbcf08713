package newsroom.search;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import newsroom.events.Topics;
import newsroom.testkit.CommittedRecords;
import newsroom.testkit.NewsroomServers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What a subscriber of {@value Topics#ALERTS} sees: every committed record, read from the
 * beginning with {@code read_committed}, as tests count them.
 */
public final class AlertRecords {

	private AlertRecords() {
	}

	/**
	 * Every committed match record of one alert.
	 * @param alertId the alert (the record key)
	 * @return the records in partition order
	 */
	public static List<ConsumerRecord<String, String>> of(String alertId) {
		return CommittedRecords.readToEnd(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, NewsroomServers.kafka().bootstrapServers()),
				Topics.ALERTS, alertId::equals, new StringDeserializer());
	}

	/**
	 * A header of a record as text.
	 * @param record the record
	 * @param name the header name
	 * @return its last value, or {@code null}
	 */
	public static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
