package newsroom.testkit.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.kafka.common.TopicPartition;

/**
 * A running service under fuzzing whose endpoints may publish, but only what their
 * answers say: every request is sent over {@link RawHttp}, its answer must keep the error
 * contract ({@link FuzzAnswer#contractViolations()}), and what appeared on the broker
 * while it was answered, on any topic, must be exactly the records the endpoint's rule
 * derives from the answer ({@link TopicWatch}). A rule says nothing for a rejection, so a
 * rejected request that published anything fails, as does a transaction marker nobody
 * announced. At the end of the run every topic must have moved by what the answers said,
 * late writes included.
 */
public class PublishingService implements AutoCloseable {

	/** The rule of endpoints that never publish. */
	public static final Function<FuzzAnswer, List<Publication>> NOTHING = (answer) -> List.of();

	private static final Duration QUIET = Duration.ofSeconds(2);

	private static final Comparator<Publication> ORDER = Comparator.comparing(Publication::topic)
		.thenComparing(Publication::key, Comparator.nullsFirst(Comparator.naturalOrder()))
		.thenComparing(String::valueOf);

	private final RawHttp http;

	private final TopicWatch topics;

	private final Map<TopicPartition, Long> start;

	/** Records the answers said were published, by topic, since the start. */
	private final Map<String, Long> announced = new TreeMap<>();

	private Map<TopicPartition, Long> last;

	/**
	 * Watch a service once the broker is quiet (work other tests left behind is done).
	 * @param port the service's HTTP port on the loopback address
	 * @param bootstrapServers the broker the service uses
	 */
	public PublishingService(int port, String bootstrapServers) {
		this.http = new RawHttp(port);
		this.topics = new TopicWatch(bootstrapServers);
		this.start = this.topics.awaitQuiet(QUIET);
		this.last = this.start;
	}

	/**
	 * Send a request to an endpoint that publishes nothing, and check its answer and the
	 * broker.
	 * @param endpoint the endpoint's name in the tally
	 * @param request the request
	 * @return the answer, for checks of the endpoint's own
	 * @throws AssertionError when the answer breaks the contract or a topic moved
	 */
	public FuzzAnswer check(String endpoint, FuzzRequest request) {
		return check(endpoint, request, NOTHING);
	}

	/**
	 * Send a request to the API and check its answer, and that the broker holds exactly
	 * what the endpoint's rule says the answer published.
	 * @param endpoint the endpoint's name in the tally
	 * @param request the request
	 * @param publishes the records an answer says were published, none for a rejection
	 * @return the answer, for checks of the endpoint's own
	 * @throws AssertionError when the answer breaks the contract or the broker holds
	 * anything else
	 */
	public FuzzAnswer check(String endpoint, FuzzRequest request, Function<FuzzAnswer, List<Publication>> publishes) {
		return check(this.http.send(endpoint, request), request, FuzzAnswer::contractViolations, publishes);
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
		return check(this.http.send(endpoint, request), request, FuzzAnswer::serverFailures, NOTHING);
	}

	/**
	 * Send a request of the test's own (setting up, making room), held to the same rules
	 * but not counted in the tally.
	 * @param request the request
	 * @param publishes the records an answer says were published
	 * @return the answer
	 * @throws AssertionError when the answer breaks the contract or the broker holds
	 * anything else
	 */
	public FuzzAnswer call(FuzzRequest request, Function<FuzzAnswer, List<Publication>> publishes) {
		return check(this.http.send(request), request, FuzzAnswer::contractViolations, publishes);
	}

	/**
	 * The offsets after one request are the offsets before the next: nothing may move in
	 * between either, and the broker is asked once per request (and read only when it
	 * moved).
	 */
	private FuzzAnswer check(FuzzAnswer answer, FuzzRequest request, Function<FuzzAnswer, List<String>> rules,
			Function<FuzzAnswer, List<Publication>> publishes) {
		List<String> violations = rules.apply(answer);
		if (!violations.isEmpty()) {
			throw new AssertionError(violations + ": " + request + " → " + answer);
		}
		List<Publication> expected = sorted(publishes.apply(answer));
		Map<TopicPartition, Long> now = this.topics.endOffsets();
		List<String> moved = TopicWatch.moved(this.last, now);
		long records = now.entrySet()
			.stream()
			.mapToLong((entry) -> entry.getValue() - this.last.getOrDefault(entry.getKey(), 0L))
			.sum();
		List<Publication> published = moved.isEmpty() ? List.of() : sorted(this.topics.records(this.last, now));
		this.last = now;
		if (!published.equals(expected) || records != expected.size()) {
			throw new AssertionError("Published " + published + " (offsets moved " + moved + "), the answer said "
					+ expected + ": " + request + " → " + answer);
		}
		expected.forEach((publication) -> this.announced.merge(publication.topic(), 1L, Long::sum));
		return answer;
	}

	private static List<Publication> sorted(List<Publication> publications) {
		List<Publication> sorted = new ArrayList<>(publications);
		sorted.sort(ORDER);
		return sorted;
	}

	/**
	 * Log the tally, and check that each endpoint had its requests and that since the
	 * start every topic moved by what the answers said and no more, late writes included.
	 * @param test the test's name, for the log
	 * @param endpoints the endpoints' names in the tally
	 * @param tries the requests each endpoint must have had
	 * @throws AssertionError when an endpoint had fewer or a topic moved otherwise
	 */
	public void verify(String test, List<String> endpoints, int tries) {
		this.http.tally().log(test);
		for (String endpoint : endpoints) {
			int requests = this.http.tally().requests(endpoint);
			if (requests < tries) {
				throw new AssertionError(endpoint + " had " + requests + " requests, fewer than " + tries);
			}
		}
		Map<String, Long> moved = new TreeMap<>();
		this.topics.awaitQuiet(QUIET).forEach((partition, end) -> {
			long records = end - this.start.getOrDefault(partition, 0L);
			if (records != 0) {
				moved.merge(partition.topic(), records, Long::sum);
			}
		});
		if (!moved.equals(this.announced)) {
			throw new AssertionError(
					"Records published during the run by topic: " + moved + "; the answers said " + this.announced);
		}
	}

	@Override
	public void close() {
		this.http.close();
		this.topics.close();
	}

}
