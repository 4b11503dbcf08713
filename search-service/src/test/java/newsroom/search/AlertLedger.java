package newsroom.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import newsroom.testkit.fuzz.FuzzAnswer;
import newsroom.testkit.fuzz.FuzzRequest;
import newsroom.testkit.fuzz.Publication;
import newsroom.testkit.fuzz.PublishingService;
import tools.jackson.databind.JsonNode;

import static newsroom.search.HostileAlertRequests.ALERTS;
import static newsroom.search.HostileAlertRequests.LIVE;
import static newsroom.search.HostileAlertRequests.LIVE_ENCODED;
import static newsroom.search.HostileAlertRequests.LIVE_UPPER;
import static newsroom.search.HostileAlertRequests.STANDING;
import static newsroom.testkit.fuzz.HostileValues.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerts a fuzz run has made, and what each request to the alert endpoints may
 * publish on the alerts topic: a 201 one record keyed by the id it answered, holding the
 * alert it answered; a 204 one tombstone keyed by the alert the path named; any other
 * answer nothing, on any topic ({@link PublishingService}). It fills in the placeholders
 * of generated targets ({@link HostileAlertRequests}) with ids of the moment, holds the
 * answers to what it knows (a 201 only below the maximum, a 409 only at it, a list of
 * exactly the alerts made and not deleted, an alert read under its own id), deletes half
 * of them after each 409, and deletes the rest at the end.
 */
final class AlertLedger {

	private static final byte[] VALID = utf8("{\"name\": \"Fuzz ledger\", \"q\": \"troops\"}");

	private final PublishingService service;

	private final String topic;

	private final int maxAlerts;

	private final String standing;

	private boolean standingKept = true;

	/** Alerts made and not deleted but the standing one, oldest first. */
	private final List<String> live = new ArrayList<>();

	/**
	 * A ledger of the alerts on a service.
	 * @param service the service, watched from when the standing alert was made
	 * @param topic the topic the service keeps its alerts in
	 * @param maxAlerts the service's {@code max-alerts}
	 * @param standing the one alert the service has: its matches are the corpus
	 */
	AlertLedger(PublishingService service, String topic, int maxAlerts, String standing) {
		this.service = service;
		this.topic = topic;
		this.maxAlerts = maxAlerts;
		this.standing = standing;
	}

	/**
	 * Send a generated request with its placeholders filled in, and check its answer,
	 * what it published and what it says of the alerts.
	 * @param endpoint the endpoint's name in the tally
	 * @param generated the request as generated
	 * @return the answer
	 */
	FuzzAnswer check(String endpoint, FuzzRequest generated) {
		String id = generated.target().contains(STANDING) ? this.standing
				: (generated.target().contains(LIVE) || generated.target().contains(LIVE_ENCODED)
						|| generated.target().contains(LIVE_UPPER)) ? aLiveAlert() : null;
		FuzzRequest request = (id != null) ? fill(generated, id) : generated;
		int before = count();
		FuzzAnswer answer = this.service.check(endpoint, request, (answered) -> publications(answered, id));
		String seen = request + " → " + answer;
		switch (answer.status()) {
			case 201 -> {
				assertThat(before).as("alerts before a 201: %s", seen).isLessThan(this.maxAlerts);
				String created = answer.json().orElseThrow().path("id").asString();
				assertThat(answer.header("Location")).as(seen).contains(ALERTS + "/" + created);
				this.live.add(created);
			}
			case 409 -> {
				assertThat(before).as("alerts before a 409: %s", seen).isEqualTo(this.maxAlerts);
				makeRoom();
			}
			case 204 -> forget(id);
			case 200 -> answer.json().ifPresent((body) -> checkRead(body, id, seen));
			default -> {
			}
		}
		return answer;
	}

	/**
	 * Delete every alert this run made, once the list has shown exactly them.
	 */
	void deleteAll() {
		FuzzAnswer listed = this.service.call(FuzzRequest.of("GET", ALERTS), PublishingService.NOTHING);
		assertThat(listed.status()).as("listing: %s", listed).isEqualTo(200);
		checkRead(listed.json().orElseThrow(), null, "the list at the end");
		for (String id : new ArrayList<>(this.live)) {
			delete(id);
		}
		if (this.standingKept) {
			delete(this.standing);
		}
		listed = this.service.call(FuzzRequest.of("GET", ALERTS), PublishingService.NOTHING);
		assertThat(listed.json().orElseThrow().size()).as("alerts left: %s", listed).isZero();
	}

	/**
	 * A list holds exactly the alerts made and not deleted; one alert is the one named.
	 */
	private void checkRead(JsonNode body, String id, String seen) {
		if (body.isArray()) {
			Set<String> expected = new LinkedHashSet<>(this.live);
			if (this.standingKept) {
				expected.add(this.standing);
			}
			assertThat(body.valueStream().map((alert) -> alert.path("id").asString())).as("alerts listed: %s", seen)
				.containsExactlyInAnyOrderElementsOf(expected);
		}
		else if (body.has("id")) {
			assertThat(body.path("id").asString()).as("the alert read: %s", seen).isEqualTo(id);
		}
	}

	private List<Publication> publications(FuzzAnswer answer, String id) {
		return switch (answer.status()) {
			case 201 -> List.of(Publication.of(this.topic,
					answer.json().map((body) -> body.path("id").asString()).orElse(null), answer.json().orElse(null)));
			case 204 -> List.of(Publication.tombstone(this.topic, id));
			default -> List.of();
		};
	}

	private int count() {
		return this.live.size() + (this.standingKept ? 1 : 0);
	}

	private void forget(String id) {
		if (this.standing.equals(id)) {
			this.standingKept = false;
		}
		this.live.remove(id);
	}

	/** The oldest alert made and not deleted, made first when there is none. */
	private String aLiveAlert() {
		if (this.live.isEmpty()) {
			FuzzAnswer created = this.service.call(FuzzRequest.of("POST", ALERTS)
				.withHeader("Content-Type", "application/json")
				.withBody(VALID, false), (answer) -> publications(answer, null));
			assertThat(created.status()).as("making an alert: %s", created).isEqualTo(201);
			this.live.add(created.json().orElseThrow().path("id").asString());
		}
		return this.live.get(0);
	}

	/** Half the alerts made, the oldest, deleted: more can be made again. */
	private void makeRoom() {
		while (count() > this.maxAlerts / 2) {
			delete(this.live.get(0));
		}
	}

	private void delete(String id) {
		FuzzAnswer deleted = this.service.call(FuzzRequest.of("DELETE", ALERTS + "/" + id),
				(answer) -> publications(answer, id));
		assertThat(deleted.status()).as("deleting %s: %s", id, deleted).isEqualTo(204);
		forget(id);
	}

	private static FuzzRequest fill(FuzzRequest generated, String id) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : utf8(id)) {
			encoded.append('%').append(String.format("%02X", b));
		}
		String target = generated.target()
			.replace(STANDING, id)
			.replace(LIVE_ENCODED, encoded)
			.replace(LIVE_UPPER, id.toUpperCase(Locale.ROOT))
			.replace(LIVE, id);
		return new FuzzRequest(generated.method(), target, generated.headers(), generated.body(), generated.chunked());
	}

}
