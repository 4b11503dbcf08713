/**
 * Cross-cutting wiring of ingest-service: its settings record, the raw topic, the clock
 * and scheduling. Depends on no feature: features declare their own wiring.
 */
package newsroom.ingest.config;
