/**
 * Newsroom's public event contract: records for the values on each topic, the topic
 * registry and header names. Plain Java, no framework, so that any subscriber can depend
 * on it.
 */
package newsroom.events;
