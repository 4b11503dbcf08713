package newsroom.enrich.api;

import java.util.List;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import newsroom.enrich.EnrichApplication;
import newsroom.enrich.TestArticles;
import newsroom.testkit.NewsroomServers;
import newsroom.testkit.fuzz.FuzzAnswer;
import newsroom.testkit.fuzz.FuzzRequest;
import newsroom.testkit.fuzz.HostileRequests;
import newsroom.testkit.fuzz.HostileValues;
import newsroom.testkit.fuzz.PublishFreeService;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static newsroom.testkit.fuzz.HostileValues.quote;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of enrich-service's endpoints under hostile input, on the real server and
 * the real broker: no request is answered with a 5xx, every rejection is a 4xx problem,
 * and no topic on the broker moves, since {@code POST /api/v1/enrich} publishes nothing.
 * 1,000 generated requests per endpoint (wrong types, missing and repeated fields, huge
 * strings, deep nesting, invalid UTF-8, control characters, wrong content types, odd
 * paths and methods, chunked bodies), each property seeded. The Kafka listener stays off,
 * so that only requests could write.
 */
class MalformedRequestsIntegrationTests {

	private static final int TRIES = 1000;

	private static final String ENRICH = "POST /api/v1/enrich";

	private static final String OPERATIONS = "GET /actuator/**";

	private static final List<String> FIELDS = List.of("title", "text", "language", "source", "url", "html");

	private static ConfigurableApplicationContext context;

	private static PublishFreeService service;

	@BeforeContainer
	static void start() {
		context = new SpringApplicationBuilder(EnrichApplication.class).run("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + NewsroomServers.kafka().bootstrapServers(),
				"--spring.kafka.listener.auto-startup=false",
				"--spring.kafka.producer.transaction-id-prefix=enrich-fuzz-" + UUID.randomUUID() + "-",
				"--logging.level.newsroom.enrich=WARN");
		service = new PublishFreeService(((WebServerApplicationContext) context).getWebServer().getPort(),
				NewsroomServers.kafka().bootstrapServers());
	}

	@AfterContainer
	static void stop() {
		if (service == null) {
			// Setting up failed, and said why: nothing ran.
			if (context != null) {
				context.close();
			}
			return;
		}
		try {
			service.verify(MalformedRequestsIntegrationTests.class.getSimpleName(), List.of(ENRICH, OPERATIONS), TRIES);
		}
		finally {
			service.close();
			context.close();
		}
	}

	@Property(tries = TRIES, seed = "20241201", generation = GenerationMode.RANDOMIZED)
	void enrichesOrRejectsEveryArticleWithoutPublishing(@ForAll("enrichments") FuzzRequest request) {
		FuzzAnswer answer = service.check(ENRICH, request);
		if (answer.status() == 200 && request.method().equals("POST")) {
			assertThat(answer.json().orElseThrow().path("language").isString()).as("%s → %s", request, answer).isTrue();
		}
	}

	@Property(tries = TRIES, seed = "20241202", generation = GenerationMode.RANDOMIZED)
	void answersEveryOperationsRequest(@ForAll("operations") FuzzRequest request) {
		service.checkOperations(OPERATIONS, request);
	}

	@Provide
	Arbitrary<FuzzRequest> enrichments() {
		Arbitrary<String> values = Arbitraries.oneOf(
				Arbitraries.of("en", "de", "fr", "EN", " en ", "xx", "english", "zh-Hant-TW", "", "e", "und")
					.map(HostileValues::quote),
				Arbitraries
					.of(TestArticles.SAMPLE_TITLE, "The council met on Monday. It voted to close the ferry.",
							"Mr. Smith went to Washington... and Paris!!! Then: nothing.", "...", ". . .",
							"\u00a0\u2028\u2029", "Dr. " + "A. ".repeat(400))
					.map(HostileValues::quote),
				HostileValues.text().map(HostileValues::quote));
		Arbitrary<String> huge = HostileValues.hugeText()
			.map((text) -> "{\"title\": \"Huge\", \"text\": " + quote(text) + "}");
		// Whole articles now and then, so that the analysers run on hostile text too.
		Arbitrary<String> languages = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of("null", "\"en\"", "\"de\"")),
				Tuple.of(1, values));
		Arbitrary<String> articles = Combinators.combine(values, values, languages)
			.as((title, text, language) -> "{\"title\": " + title + ", \"text\": " + text + ", \"language\": "
					+ language + "}");
		Arbitrary<String> json = Arbitraries.frequencyOf(Tuple.of(2, HostileValues.jsonObjects(FIELDS, values)),
				Tuple.of(1, articles));
		return HostileRequests.writes("/api/v1/enrich", List.of("title", "text", "language"),
				HostileValues.contentTypes("application/json"), HostileRequests.bodies(json, FIELDS, huge));
	}

	@Provide
	Arbitrary<FuzzRequest> operations() {
		return HostileRequests.operations();
	}

}
