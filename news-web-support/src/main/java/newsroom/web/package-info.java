/**
 * HTTP code every Newsroom service shares: a Boot auto-configuration with the API key
 * check, per-client rate limits, a bound on the requests open at once and the security
 * headers, each service choosing its admin paths and limits by properties; and
 * {@link newsroom.web.ProblemAnswersSupport}, the base of the services' problem answers
 * for the framework's own refusals. No domain types live here.
 */
package newsroom.web;
