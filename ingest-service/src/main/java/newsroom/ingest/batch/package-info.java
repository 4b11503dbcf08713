/**
 * {@code POST /api/v1/articles/batch}: many articles in one streamed body (a JSON array
 * or NDJSON), each validated and published on its own, answered with per-item results.
 */
package newsroom.ingest.batch;
