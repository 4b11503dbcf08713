package newsroom.search.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import newsroom.events.EnrichedArticle;
import newsroom.events.EntityType;
import newsroom.search.TestArticles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Percolation in process: the filters and free text of saved searches against one article
 * at a time, read the way the index reads it.
 */
class PercolatorTests {

	private static final Instant CREATED = Instant.parse("2024-11-01T09:00:00Z");

	private static final long AFTER = CREATED.toEpochMilli() + 1;

	private final EnrichedArticle ferry = TestArticles.article("ferry-1", 1, "Ferry crews in Valmora strike",
			"Ferry crews in Valmora walked off the job on Friday. The Harbour-Master's office said night sailings "
					+ "stop until the union and the company sign a written offer.",
			"lakeside", Instant.parse("2024-11-01T10:00:00Z"),
			List.of(TestArticles.entity("Valmora", EntityType.LOCATION, 0.9),
					TestArticles.entity("Valmora Ferry Company", EntityType.ORGANIZATION, 0.6)),
			List.of("labour"));

	@Test
	void matchesFreeTextWithEveryTermRequired() {
		assertThat(matches("ferry strike")).isTrue();
		assertThat(matches("FERRY Strike")).isTrue();
		assertThat(matches("ferry election")).isFalse();
	}

	@Test
	void matchesTheOperatorsOfTheSearch() {
		assertThat(matches("\"night sailings\"")).isTrue();
		assertThat(matches("\"sailings night\"")).isFalse();
		assertThat(matches("election OR strike")).isTrue();
		assertThat(matches("election | referendum")).isFalse();
		assertThat(matches("ferry -strike")).isFalse();
		assertThat(matches("-election")).isTrue();
		assertThat(matches("Harb*")).isTrue();
		assertThat(matches("harbour-master's")).isTrue();
		assertThat(matches("(election | union) + company")).isTrue();
	}

	@Test
	void matchesEntityNamesAsText() {
		// In entity names only: "company" appears in the text too, "Ferry Company" does
		// not.
		assertThat(matches("\"ferry company\"")).isTrue();
		// Values of a multi-valued field are 100 positions apart: no phrase across two.
		assertThat(matches("\"valmora valmora\"")).isFalse();
	}

	@Test
	void appliesEveryFilter() {
		assertThat(percolate(alert(null, List.of("Valmora"), List.of("labour"), List.of("lakeside", "wire"), "en")))
			.hasSize(1);
		assertThat(percolate(alert(null, List.of("valmora"), List.of(), List.of(), null))).isEmpty();
		assertThat(percolate(alert(null, List.of("Valmora", "Skarholm"), List.of(), List.of(), null))).isEmpty();
		assertThat(percolate(alert(null, List.of(), List.of("labour", "politics"), List.of(), null))).isEmpty();
		assertThat(percolate(alert(null, List.of(), List.of(), List.of("wire"), null))).isEmpty();
		assertThat(percolate(alert("strike", List.of(), List.of(), List.of(), "de"))).isEmpty();
	}

	@Test
	void ignoresArticlesThatArrivedBeforeTheAlert() {
		Percolator percolator = Percolator
			.of(List.of(CompiledAlert.of(alert("strike", List.of(), List.of(), List.of(), null))));

		assertThat(percolator.match(this.ferry, CREATED.toEpochMilli() - 1)).isEmpty();
		assertThat(percolator.match(this.ferry, CREATED.toEpochMilli())).hasSize(1);
	}

	@Test
	void reportsEveryMatchingAlertOnceAmongMany() {
		List<CompiledAlert> alerts = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			alerts.add(CompiledAlert.of(alert("word" + i + " ferry", List.of(), List.of(), List.of(), null)));
		}
		Alert strike = alert("strike", List.of(), List.of(), List.of(), null);
		Alert valmora = alert(null, List.of("Valmora"), List.of(), List.of(), null);
		alerts.add(CompiledAlert.of(strike));
		alerts.add(CompiledAlert.of(valmora));

		assertThat(Percolator.of(alerts).match(this.ferry, AFTER)).containsExactly(strike, valmora);
	}

	@Test
	void anchorsAQueryOnATermItNeeds() {
		assertThat(FreeText.parse("ferry strike").map(Anchors::of).orElseThrow().terms()).hasSize(1)
			.containsAnyOf("ferry", "strike");
		assertThat(FreeText.parse("ferry | strike").map(Anchors::of).orElseThrow().terms())
			.containsExactlyInAnyOrder("ferry", "strike");
		assertThat(FreeText.parse("harb*").map(Anchors::of).orElseThrow().prefixes()).containsExactly("harb");
		assertThat(FreeText.parse("-election").map(Anchors::of).orElseThrow().always()).isTrue();
	}

	@Test
	void findsNothingToSearchForInWildcardsAlone() {
		assertThat(FreeText.parse("*")).isEmpty();
		assertThat(FreeText.parse("re*")).isPresent();
		assertThat(FreeText.parse("!!!")).isEmpty();
	}

	private boolean matches(String q) {
		return !percolate(alert(q, List.of(), List.of(), List.of(), null)).isEmpty();
	}

	private List<Alert> percolate(Alert alert) {
		return Percolator.of(List.of(CompiledAlert.of(alert))).match(this.ferry, AFTER);
	}

	private static Alert alert(String q, List<String> entity, List<String> tag, List<String> source, String language) {
		return new Alert("alert-" + q, "test", q, entity, tag, source, language, CREATED);
	}

}
