/**
 * Publishing raw articles to Kafka, and the index of what was already published (rebuilt
 * from the topic at start-up) that answers duplicates.
 */
package newsroom.ingest.publish;
