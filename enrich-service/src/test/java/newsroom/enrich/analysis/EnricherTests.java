package newsroom.enrich.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import newsroom.enrich.Enrichers;
import newsroom.enrich.TestArticles;
import newsroom.events.Enrichment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnricherTests {

	private static final String GERMAN_TITLE = "Straßenbahnen fahren wieder durch die Leipziger Innenstadt";

	private static final String GERMAN = """
			Die Stadtverwaltung von Leipzig hat am Dienstag angekündigt, dass die Straßenbahnlinien im Zentrum \
			ab dem 3. Oktober wieder regelmäßig fahren werden. Nach monatelangen Bauarbeiten seien die Gleise \
			erneuert und die Haltestellen barrierefrei umgebaut worden. Der Oberbürgermeister sprach von einem \
			wichtigen Schritt für die Verkehrswende in der Region. Kritiker bemängeln jedoch, dass die Arbeiten \
			fast ein Jahr länger gedauert hätten als geplant.""";

	private static final String FRENCH = """
			Le conseil municipal de Lyon a voté jeudi soir un nouveau plan pour réduire la circulation automobile \
			dans le centre-ville. Les habitants pourront bénéficier de transports en commun gratuits le week-end \
			à partir du mois prochain. Selon le maire, cette mesure doit permettre de diminuer la pollution de \
			l'air d'ici la fin de l'année. L'opposition estime cependant que le financement du projet reste flou.""";

	private final Enricher enricher = TestArticles.enricher();

	@Test
	void detectsEnglishInSampleArticle() {
		Enrichment enrichment = enrichSample();

		assertThat(enrichment.language()).isEqualTo("en");
	}

	@Test
	void summarisesSampleArticleWithWholeSentencesInTextOrder() {
		String text = TestArticles.sample(TestArticles.SAMPLE);

		String summary = enrichSample().summary();

		assertThat(summary).startsWith("North Korea has sent")
			.startsWith(TestArticles.lead(TestArticles.SAMPLE))
			.endsWith(".")
			.hasSizeLessThanOrEqualTo(600);
		int from = 0;
		for (String sentence : summary.split("(?<=[\\p{Ll}\\p{N}][.!?][”\"]?) (?=[“\"]?\\p{Lu})")) {
			int at = text.indexOf(sentence, from);
			assertThat(at).as(sentence).isGreaterThanOrEqualTo(from);
			from = at + sentence.length();
		}
	}

	@Test
	void countsWordsAndReadingTimeOfSampleArticle() {
		Enrichment enrichment = enrichSample();

		// 527 is also what splitting the sample at whitespace gives.
		assertThat(enrichment.wordCount()).isEqualTo(527);
		assertThat(enrichment.readingTimeMinutes()).isEqualTo(3);
	}

	@Test
	void findsNoEntitiesTagsOrEnglishKeywordsInGerman() {
		Enrichment enrichment = this.enricher.enrich(GERMAN_TITLE, GERMAN, null);

		assertThat(enrichment.entities()).isEmpty();
		assertThat(enrichment.tags()).isEmpty();
		assertThat(enrichment.keywords()).isNotEmpty()
			.allSatisfy((keyword) -> assertThat(keyword).isLowerCase().hasSizeGreaterThanOrEqualTo(5));
	}

	@Test
	void detectsGerman() {
		assertThat(this.enricher.enrich(GERMAN_TITLE, GERMAN, null).language()).isEqualTo("de");
	}

	@Test
	void detectsFrench() {
		assertThat(this.enricher.enrich("Lyon veut moins de voitures en ville", FRENCH, null).language())
			.isEqualTo("fr");
	}

	@Test
	void summarisesGermanWithoutSplittingAtOrdinals() {
		String summary = this.enricher.enrich(GERMAN_TITLE, GERMAN, null).summary();

		assertThat(summary).startsWith("Die Stadtverwaltung von Leipzig hat am Dienstag angekündigt, dass die "
				+ "Straßenbahnlinien im Zentrum ab dem 3. Oktober wieder regelmäßig fahren werden. Nach monatelangen")
			.endsWith(".")
			.doesNotContain("3. Oktober wieder regelmäßig fahren werden. Oktober")
			.hasSizeLessThanOrEqualTo(600);
	}

	@Test
	void keepsValidGivenLanguage() {
		assertThat(this.enricher.enrich(GERMAN_TITLE, GERMAN, "DE-at").language()).isEqualTo("de");
		assertThat(this.enricher.enrich(GERMAN_TITLE, GERMAN, "ger").language()).isEqualTo("de");
	}

	@Test
	void detectsLanguageWhenGivenOneIsInvalid() {
		assertThat(this.enricher.enrich(GERMAN_TITLE, GERMAN, "deutsch").language()).isEqualTo("de");
		assertThat(this.enricher.enrich(GERMAN_TITLE, GERMAN, "xx").language()).isEqualTo("de");
	}

	@Test
	void fallsBackToEnglishForTextWithoutLetters() {
		assertThat(this.enricher.enrich("2024", "12 345 678", null).language()).isEqualTo("en");
	}

	@Test
	void skipsFurnitureAndHeadingsInSummary() {
		String text = """
				Advertisement
				Story continues below advertisement
				Floods hit the valley
				Photo: Jane Doe / Example Agency.
				Heavy rain flooded the lower valley on Monday, forcing hundreds of families to leave their homes.
				Share this article on social media.
				Rescue teams worked through the night to reach villages cut off by the water.
				""";

		String summary = this.enricher.enrich("Floods hit the valley", text, "en").summary();

		assertThat(summary).isEqualTo("Heavy rain flooded the lower valley on Monday, forcing hundreds of families "
				+ "to leave their homes. Rescue teams worked through the night to reach villages cut off by the water.");
	}

	@Test
	void keepsSummaryWithinSixHundredCharactersWithWholeSentences() {
		String sentence = "The committee discussed the long list of proposals for the new harbour in great detail, "
				+ "one by one, without reaching any firm conclusion before the evening.";
		String text = String.join(" ", Collections.nCopies(6, sentence));

		String summary = this.enricher.enrich("Harbour plans", text, "en").summary();

		assertThat(summary).hasSizeLessThanOrEqualTo(600).endsWith(".");
		assertThat(summary.split("(?<=\\.) ")).hasSizeBetween(1, 3).allMatch(sentence::equals);
	}

	@Test
	void cutsTextWithoutSentencesAtWordBoundary() {
		String text = String.join(" ", Collections.nCopies(200, "word"));

		String summary = this.enricher.enrich("No punctuation", text, "en").summary();

		assertThat(summary).hasSizeLessThanOrEqualTo(600).endsWith("word…");
	}

	@Test
	void handlesEmptyText() {
		Enrichment enrichment = this.enricher.enrich("Short notice", "", "en");

		assertThat(enrichment.summary()).isEmpty();
		assertThat(enrichment.wordCount()).isZero();
		assertThat(enrichment.readingTimeMinutes()).isEqualTo(1);
	}

	@Test
	void roundsReadingTimeUp() {
		String words231 = String.join(" ", Collections.nCopies(231, "news"));

		assertThat(this.enricher.enrich("Count", words231, "en").readingTimeMinutes()).isEqualTo(2);
	}

	@Test
	void countsWordsAsReaderWould() {
		Enrichment enrichment = this.enricher.enrich("Count", "North Korea’s 12,000 U.S.-trained troops — 1.3 million.",
				"en");

		assertThat(enrichment.wordCount()).isEqualTo(7);
	}

	@Test
	void givesSameResultsOnConcurrentThreads() throws Exception {
		Enrichment expected = enrichSample();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Enrichment>> tasks = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				tasks.add(this::enrichSample);
				tasks.add(() -> this.enricher.enrich(GERMAN_TITLE, GERMAN, null));
			}
			List<Enrichment> results = new ArrayList<>();
			for (Future<Enrichment> future : pool.invokeAll(tasks)) {
				results.add(future.get());
			}
			assertThat(results).filteredOn((result) -> "en".equals(result.language()))
				.hasSize(16)
				.containsOnly(expected);
			assertThat(results).filteredOn((result) -> "de".equals(result.language())).hasSize(16);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void reportsEachStageToObserver() {
		List<String> stages = Collections.synchronizedList(new ArrayList<>());
		Enricher observed = Enrichers.standard(TestArticles.models(), (stage, nanos) -> stages.add(stage));

		observed.enrich(TestArticles.SAMPLE_TITLE, "Some text about the world.", null);

		assertThat(stages).containsExactly("language", "text", "entities", "tags", "keywords", "summary", "fingerprint")
			.isEqualTo(observed.stages());
	}

	private Enrichment enrichSample() {
		return this.enricher.enrich(TestArticles.SAMPLE_TITLE, TestArticles.sample(TestArticles.SAMPLE), null);
	}

}
