/**
 * Submitting articles: the HTTP endpoint, validation, identity (canonical URL, id,
 * content hash), duplicate answers and the hand-over to the publisher.
 */
package newsroom.ingest.article;
