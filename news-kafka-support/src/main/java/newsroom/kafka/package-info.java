/**
 * Kafka infrastructure every Newsroom service shares, and nothing else: a Boot
 * auto-configuration with the {@code kafka} health indicator and the start-up topic
 * verifier, and the dead-letter headers. No domain types live here.
 */
package newsroom.kafka;
