/**
 * Cross-cutting wiring of ingest-service: its settings record, topic declarations and
 * shared beans.
 */
package newsroom.ingest.config;
