/**
 * HTTP guards every Newsroom service shares, and nothing else: a Boot auto-configuration
 * with the API key check, per-client rate limits and the security headers, each service
 * choosing its admin paths and limits by properties. No domain types live here.
 */
package newsroom.web;
