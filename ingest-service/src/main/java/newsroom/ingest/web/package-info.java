/**
 * HTTP concerns shared by every endpoint: the body size guard (the API key, rate limit
 * and security headers come from news-web-support), the bases of the features' errors
 * (which carry their own RFC 9457 problem answers) and the answers to what is
 * cross-cutting. Depends on no feature.
 */
package newsroom.ingest.web;
