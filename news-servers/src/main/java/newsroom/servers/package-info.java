/**
 * Real Kafka and Elasticsearch servers on this machine, with nothing but their own jars:
 * a KRaft broker inside the JVM and the Elasticsearch distribution as a child process (as
 * an unprivileged user when the JVM is root). Used by the local stack and by the testkit.
 */
package newsroom.servers;
