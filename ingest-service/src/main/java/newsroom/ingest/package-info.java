/**
 * ingest-service: the front door of the Newsroom pipeline. Features live in their own
 * packages ({@code article}, {@code batch}, {@code clean}, {@code extract}, {@code feed},
 * {@code fetch}, {@code publish}) on the shared {@code web} (HTTP guards, error answers)
 * and {@code config} (settings, cross-cutting wiring), without cycles.
 */
package newsroom.ingest;
