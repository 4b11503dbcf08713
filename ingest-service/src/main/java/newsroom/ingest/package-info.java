/**
 * ingest-service: the front door of the Newsroom pipeline. Features live in their own
 * packages ({@code article}, {@code clean}, {@code extract}, {@code publish}); HTTP
 * guards and error answers in {@code web}; wiring and settings in {@code config}.
 */
package newsroom.ingest;
