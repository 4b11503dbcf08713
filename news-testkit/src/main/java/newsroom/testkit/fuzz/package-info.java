/**
 * Hostile HTTP input for the services' property-based tests: jqwik generators, a raw
 * HTTP/1.1 client that sends requests as written, the error contract every answer must
 * keep, and a per-endpoint tally of what was sent.
 */
package newsroom.testkit.fuzz;
