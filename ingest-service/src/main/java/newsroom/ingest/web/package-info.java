/**
 * HTTP concerns shared by every endpoint: the API key and body size guards, and the RFC
 * 9457 problem answers for every error.
 */
package newsroom.ingest.web;
