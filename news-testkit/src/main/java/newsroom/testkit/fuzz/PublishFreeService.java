package newsroom.testkit.fuzz;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.common.TopicPartition;

/**
 * A running service whose HTTP endpoints never publish, under fuzzing: every request is
 * sent over {@link RawHttp}, its answer must keep the error contract
 * ({@link FuzzAnswer#contractViolations()}), and no topic on the broker may move while it
 * is answered ({@link TopicWatch}), nor by the end of the run.
 */
public final class PublishFreeService implements AutoCloseable {

	private static final Duration QUIET = Duration.ofSeconds(2);

	private final RawHttp http;

	private final TopicWatch topics;

	private final Map<TopicPartition, Long> start;

	private Map<TopicPartition, Long> last;

	/**
	 * Watch a service once the broker is quiet (work other tests left behind is done).
	 * @param port the service's HTTP port on the loopback address
	 * @param bootstrapServers the broker the service uses
	 */
	public PublishFreeService(int port, String bootstrapServers) {
		this.http = new RawHttp(port);
		this.topics = new TopicWatch(bootstrapServers);
		this.start = this.topics.awaitQuiet(QUIET);
		this.last = this.start;
	}

	/**
	 * Send a request to the API and check its answer and the broker.
	 * @param endpoint the endpoint's name in the tally
	 * @param request the request
	 * @return the answer, for checks of the endpoint's own
	 * @throws AssertionError when the answer breaks the contract or a topic moved
	 */
	public FuzzAnswer check(String endpoint, FuzzRequest request) {
		return check(endpoint, request, FuzzAnswer::contractViolations);
	}

	/**
	 * Send a request to an endpoint that is not the API's (Actuator's) and check that the
	 * server did not fail and nothing was published.
	 * @param endpoint the endpoint's name in the tally
	 * @param request the request
	 * @return the answer
	 * @throws AssertionError when the server failed or a topic moved
	 */
	public FuzzAnswer checkOperations(String endpoint, FuzzRequest request) {
		return check(endpoint, request, FuzzAnswer::serverFailures);
	}

	/**
	 * The offsets after one request are the offsets before the next: nothing may move in
	 * between either, and the broker is asked once per request.
	 */
	private FuzzAnswer check(String endpoint, FuzzRequest request, Function<FuzzAnswer, List<String>> rules) {
		FuzzAnswer answer = this.http.send(endpoint, request);
		List<String> violations = rules.apply(answer);
		if (!violations.isEmpty()) {
			throw new AssertionError(violations + ": " + request + " → " + answer);
		}
		Map<TopicPartition, Long> now = this.topics.endOffsets();
		List<String> written = TopicWatch.moved(this.last, now);
		this.last = now;
		if (!written.isEmpty()) {
			throw new AssertionError("Records published " + written + " while answering " + request + " → " + answer);
		}
		return answer;
	}

	/**
	 * Log the tally, and check that each endpoint had its requests and that nothing was
	 * published since the start, late writes included.
	 * @param test the test's name, for the log
	 * @param endpoints the endpoints' names in the tally
	 * @param tries the requests each endpoint must have had
	 * @throws AssertionError when an endpoint had fewer or a topic moved
	 */
	public void verify(String test, List<String> endpoints, int tries) {
		this.http.tally().log(test);
		for (String endpoint : endpoints) {
			int requests = this.http.tally().requests(endpoint);
			if (requests < tries) {
				throw new AssertionError(endpoint + " had " + requests + " requests, fewer than " + tries);
			}
		}
		this.topics.awaitQuiet(QUIET);
		List<String> written = this.topics.writtenSince(this.start);
		if (!written.isEmpty()) {
			throw new AssertionError("Records published during the run: " + written);
		}
	}

	@Override
	public void close() {
		this.http.close();
		this.topics.close();
	}

}
