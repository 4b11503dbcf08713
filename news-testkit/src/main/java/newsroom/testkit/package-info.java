/**
 * Real Kafka and Elasticsearch for tests and the local stack: embedded in or beside the
 * JVM, in containers, or external servers named by environment variables; and calls on
 * the wire to the services that tests start.
 */
package newsroom.testkit;
