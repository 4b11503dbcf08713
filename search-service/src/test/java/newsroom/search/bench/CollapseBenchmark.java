package newsroom.search.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import newsroom.events.EnrichedArticle;
import newsroom.events.Topics;
import newsroom.testkit.NewsroomServers;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * What collapsing by story costs a search, on the embedded Kafka and Elasticsearch:
 * {@code bench/alerts/run.sh newsroom.search.bench.CollapseBenchmark [articles]}. Indexes
 * the articles (about 600 words each) in stories of 1 to 12, then answers the same
 * searches (common to rare words, a filter, none) with and without
 * {@code collapse=story}, alternated, and prints the median and 90th percentile of the
 * answer time as the client sees it, for the first page and for the fifth (reached by
 * cursor). Not a test.
 */
public final class CollapseBenchmark {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final int ROUNDS = 60;

	/** Story sizes drawn with these weights: mostly small, a few large. */
	private static final int[] SIZES = { 1, 1, 1, 1, 2, 2, 3, 3, 4, 6, 12 };

	private final int port;

	private CollapseBenchmark(int port) {
		this.port = port;
	}

	public static void main(String[] args) throws Exception {
		int articles = (args.length > 0) ? Integer.parseInt(args[0]) : 20_000;
		String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
		ConfigurableApplicationContext app = BenchService.start(run);
		try (app) {
			CollapseBenchmark bench = new CollapseBenchmark(
					Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
			BenchCorpus corpus = new BenchCorpus(7);
			int stories = bench.publish(corpus, articles);
			long started = System.nanoTime();
			while (bench.get("/api/v1/search?size=1").path("total").asLong() < articles) {
				Thread.sleep(200);
			}
			System.out.printf("%,d articles in %,d stories indexed in %.1f s%n", articles, stories,
					(System.nanoTime() - started) / 1e9);
			for (String query : List.of("", "q=" + corpus.word(3), "q=" + corpus.word(40), "q=" + corpus.word(400),
					"q=" + corpus.word(4000), "tag=politics", "q=" + corpus.word(40) + "+" + corpus.word(41))) {
				bench.measure(query);
			}
		}
		System.exit(0);
	}

	/** Articles in stories of random size, each story's id its first article's. */
	private int publish(BenchCorpus corpus, int count) {
		Random random = new Random(11);
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				NewsroomServers.kafka().bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 10,
				ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		int stories = 0;
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			int left = 0;
			String story = null;
			for (int i = 0; i < count; i++) {
				EnrichedArticle article = corpus.article("bench-" + UUID.randomUUID());
				if (left == 0) {
					left = SIZES[random.nextInt(SIZES.length)];
					story = article.id();
					stories++;
				}
				left--;
				EnrichedArticle inStory = article.withStoryId(story);
				producer.send(new ProducerRecord<>(Topics.ENRICHED, inStory.id(), json.writeValueAsBytes(inStory)));
			}
		}
		return stories;
	}

	private void measure(String query) throws Exception {
		String plain = "/api/v1/search?size=20" + (query.isEmpty() ? "" : "&" + query);
		String collapsed = plain + "&collapse=story";
		List<Double> plainFirst = new ArrayList<>();
		List<Double> collapsedFirst = new ArrayList<>();
		List<Double> collapsedFifth = new ArrayList<>();
		JsonNode answer = null;
		for (int round = -5; round < ROUNDS; round++) {
			double a = time(plain);
			double b = time(collapsed);
			String cursor = null;
			double fifth = 0;
			for (int page = 0; page < 5; page++) {
				String target = collapsed + ((cursor != null) ? "&cursor=" + encode(cursor) : "");
				long started = System.nanoTime();
				answer = get(target);
				fifth = (System.nanoTime() - started) / 1e6;
				cursor = answer.path("nextCursor").isNull() ? null : answer.path("nextCursor").asString();
				if (cursor == null) {
					break;
				}
			}
			if (round >= 0) {
				plainFirst.add(a);
				collapsedFirst.add(b);
				collapsedFifth.add(fifth);
			}
		}
		long articles = get(plain).path("total").asLong();
		long stories = get(collapsed).path("total").asLong();
		System.out.printf(
				"%-28s %,7d articles %,7d stories | plain p1 %5.1f / %5.1f ms | collapsed p1 %5.1f / %5.1f ms"
						+ " | collapsed p5 %5.1f / %5.1f ms (median / p90)%n",
				query.isEmpty() ? "(no q, newest)" : query, articles, stories, median(plainFirst), p90(plainFirst),
				median(collapsedFirst), p90(collapsedFirst), median(collapsedFifth), p90(collapsedFifth));
	}

	private double time(String target) throws Exception {
		long started = System.nanoTime();
		get(target);
		return (System.nanoTime() - started) / 1e6;
	}

	private JsonNode get(String target) throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + target)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(target + " answered " + response.statusCode() + ": " + response.body());
		}
		return json.readTree(response.body());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static double median(List<Double> values) {
		return percentile(values, 0.5);
	}

	private static double p90(List<Double> values) {
		return percentile(values, 0.9);
	}

	private static double percentile(List<Double> values, double fraction) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(fraction * sorted.size())));
	}

}
