/**
 * Fetching web pages (and feeds) from the internet safely: the SSRF guard (address
 * policy, IP literal forms, allow-list, checked DNS resolution pinned to the connection),
 * the HTTP fetcher with its limits, and {@code POST /api/v1/fetch}.
 */
package newsroom.ingest.fetch;
