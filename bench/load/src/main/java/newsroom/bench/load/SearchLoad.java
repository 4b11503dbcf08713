package newsroom.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import newsroom.bench.pipeline.load.ClientPool;
import newsroom.bench.pipeline.load.DashboardQuery;

/**
 * Dashboard users against search-service: closed-loop clients, each sending the
 * dashboard's search (words from the corpus, answered with hits, highlights, facets and
 * the histogram) and waiting for the whole answer before the next, stepping through the
 * terms from different places so that no cache answers a repeat.
 */
final class SearchLoad {

	private final List<URI> searches;

	private final Duration timeout;

	/**
	 * @param search search-service's address
	 * @param terms what the users type
	 * @param timeout how long one request may take
	 */
	SearchLoad(URI search, List<String> terms, Duration timeout) {
		this.searches = terms.stream().map((term) -> new DashboardQuery(term).serviceUri(search)).toList();
		this.timeout = timeout;
	}

	/**
	 * Run the clients for a while.
	 * @param clients concurrent clients
	 * @param length how long
	 * @return how the searches ended
	 */
	Result run(int clients, Duration length) {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		Tally tally = new Tally();
		ClientPool.Outcome outcome = ClientPool.run(clients, Duration.ZERO, length, (id, sequence) -> {
			HttpRequest request = HttpRequest.newBuilder(this.searches.get((id * 7 + sequence) % this.searches.size()))
				.timeout(this.timeout)
				.GET()
				.build();
			long sent = System.nanoTime();
			try {
				HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
				tally.answered(response, System.nanoTime() - sent);
				return (response.statusCode() == 200) ? ClientPool.Result.OK : ClientPool.Result.FAILED;
			}
			catch (IOException ex) {
				tally.unanswered(ex);
				return ClientPool.Result.FAILED;
			}
		});
		Answers answers = tally.answers();
		double seconds = outcome.seconds();
		return new Result(outcome.latencies().count(), seconds, answers,
				(seconds > 0) ? answers.status(200) / seconds : 0);
	}

	/**
	 * One phase of searching.
	 *
	 * @param sent searches sent
	 * @param seconds from the first search sent to the last answer
	 * @param answers how they ended
	 * @param servedPerSecond searches answered 200 per second
	 */
	record Result(long sent, double seconds, Answers answers, double servedPerSecond) {
	}

}
