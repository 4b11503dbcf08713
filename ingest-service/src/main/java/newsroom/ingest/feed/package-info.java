/**
 * Feeds: RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 parsing (Rome, after repairing the usual
 * mess), the feed registry and its REST API, polling with conditional GET, back-off and a
 * concurrency cap, and the durable state (registrations and seen entries) in compacted
 * internal topics.
 */
package newsroom.ingest.feed;
