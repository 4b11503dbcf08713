/**
 * HTTP concerns shared by every endpoint: the API key and body size guards, the bases of
 * the features' errors (which carry their own RFC 9457 problem answers) and the answers
 * to what is cross-cutting. Depends on no feature.
 */
package newsroom.ingest.web;
