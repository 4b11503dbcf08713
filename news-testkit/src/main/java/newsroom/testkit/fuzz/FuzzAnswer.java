package newsroom.testkit.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the server answered to a {@link FuzzRequest}, and whether that answer keeps the
 * API's error contract: never a 5xx, and every 4xx an RFC 9457 problem whose
 * {@code status} is the answer's. The exception is a request that Tomcat refuses before
 * any application code runs (a request target or header it cannot read, an encoded slash,
 * {@code TRACE}): those answers are its own error page or Spring Boot's {@code /error}
 * answer, which {@link #answeredByContainer()} recognises so that tests can count them
 * apart.
 *
 * @param method the method of the request answered
 * @param status the status code, 0 when the server closed the connection without an
 * answer
 * @param headers header values by lower-case name
 * @param body the body, de-chunked
 * @param failure why there is no answer, empty otherwise
 */
public record FuzzAnswer(String method, int status, Map<String, List<String>> headers, byte[] body, String failure) {

	/** The media type of every error answer. */
	public static final String PROBLEM_JSON = "application/problem+json";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final int SHOWN_CHARACTERS = 500;

	public FuzzAnswer {
		headers = Map.copyOf(headers);
	}

	static FuzzAnswer none(String method, String failure) {
		return new FuzzAnswer(method, 0, Map.of(), new byte[0], failure);
	}

	/**
	 * The first value of a header.
	 * @param name the header name, any case
	 * @return its first value
	 */
	public Optional<String> header(String name) {
		return Optional.ofNullable(this.headers.get(name.toLowerCase(Locale.ROOT)))
			.filter((values) -> !values.isEmpty())
			.map((values) -> values.get(0));
	}

	/**
	 * The body as UTF-8 text.
	 * @return the text
	 */
	public String text() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	/**
	 * The body read as JSON.
	 * @return the JSON, empty when the body is not JSON
	 */
	public Optional<JsonNode> json() {
		try {
			return Optional.of(json.readTree(this.body));
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Whether this is a client error answer (4xx).
	 * @return {@code true} for 400 to 499
	 */
	public boolean rejected() {
		return this.status >= 400 && this.status < 500;
	}

	/**
	 * Whether the servlet container answered before the application saw the request:
	 * Tomcat's error page, or Spring Boot's {@code /error} answer for an error Tomcat
	 * raised (JSON with {@code timestamp, status, error, path}, or the "Whitelabel Error
	 * Page" when HTML was asked for), and Tomcat's 405 to {@code TRACE}, which Boot
	 * renders in whatever format {@code Accept} asks for, empty when it has none. An HTML
	 * error answered to {@code HEAD} counts too: it has no body to recognise.
	 * @return {@code true} for those answers
	 */
	public boolean answeredByContainer() {
		if ("TRACE".equals(this.method) && this.status == 405) {
			return true;
		}
		String type = header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
		if (type.startsWith("text/html")) {
			// The API never answers HTML: to HEAD, an HTML error is a page without its
			// body.
			return "HEAD".equals(this.method) || text().contains("<title>HTTP Status " + this.status)
					|| text().contains("Whitelabel Error Page");
		}
		Optional<JsonNode> error = json().filter(JsonNode::isObject);
		return type.startsWith("application/json") && error.isPresent() && error.get().has("timestamp")
				&& error.get().has("error") && error.get().has("path")
				&& error.get().path("status").asInt() == this.status;
	}

	/**
	 * The status as counted in a tally: the code, marked when the container answered.
	 * @return for example {@code 400} or {@code 400 container}
	 */
	public String label() {
		return (rejected() && answeredByContainer()) ? this.status + " container" : String.valueOf(this.status);
	}

	/**
	 * How this answer breaks the error contract of the API. A 4xx that
	 * {@link #answeredByContainer() the container answered} is not held to the problem
	 * format; the status alone counts. An answer to {@code HEAD} has no body to check.
	 * @return one line per broken rule, empty when the answer keeps the contract
	 */
	public List<String> contractViolations() {
		List<String> violations = serverFailures();
		if (violations.isEmpty() && rejected() && !answeredByContainer()) {
			String type = header("Content-Type").orElse("(none)");
			if (!type.toLowerCase(Locale.ROOT).startsWith(PROBLEM_JSON)) {
				violations.add(this.status + " answered as " + type + ", not " + PROBLEM_JSON);
			}
			Optional<JsonNode> problem = json().filter(JsonNode::isObject);
			if (!"HEAD".equals(this.method) && (problem.isEmpty() || problem.get().path("status").asInt() != this.status
					|| !problem.get().path("title").isString())) {
				violations.add(this.status + " without a problem body naming its status and title");
			}
		}
		return violations;
	}

	/**
	 * Whether the server failed: no answer, or a 5xx. The rule for endpoints that are not
	 * the API's (Actuator's, whose unknown health group is an empty 404).
	 * @return one line when it failed, empty otherwise
	 */
	public List<String> serverFailures() {
		List<String> failures = new ArrayList<>();
		if (this.status == 0) {
			failures.add("no answer: " + this.failure);
		}
		else if (this.status >= 500) {
			failures.add("answered " + this.status);
		}
		return failures;
	}

	@Override
	public String toString() {
		String text = text();
		return this.status + " " + this.headers.getOrDefault("content-type", List.of()) + " "
				+ ((text.length() > SHOWN_CHARACTERS) ? text.substring(0, SHOWN_CHARACTERS) + "…" : text)
				+ ((this.failure != null) ? " " + this.failure : "");
	}

}
