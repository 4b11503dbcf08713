package newsroom.testkit.fuzz;

import tools.jackson.databind.JsonNode;

/**
 * One record on the broker as a fuzz test compares it with what an answer said was
 * published: its topic, its key, and its value read as JSON (a value that is not JSON as
 * a JSON string of its text), {@code null} for a tombstone.
 *
 * @param topic the topic
 * @param key the key, {@code null} for none
 * @param value the value, {@code null} for a tombstone
 */
public record Publication(String topic, String key, JsonNode value) {

	/**
	 * A record holding a value.
	 * @param topic the topic
	 * @param key the key
	 * @param value the value as JSON
	 * @return the publication
	 */
	public static Publication of(String topic, String key, JsonNode value) {
		return new Publication(topic, key, value);
	}

	/**
	 * A tombstone: the key's value deleted.
	 * @param topic the topic, compacted
	 * @param key the key
	 * @return the publication
	 */
	public static Publication tombstone(String topic, String key) {
		return new Publication(topic, key, null);
	}

}
