package newsroom.search.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import newsroom.events.EnrichedArticle;
import newsroom.events.Entity;
import newsroom.events.EntityType;
import newsroom.events.Origin;

/**
 * Articles and saved searches for the alert benchmarks, from a fixed seed: articles of
 * about 600 words (4 KB of text, as in the pipeline benchmark) drawn from a vocabulary of
 * 20,000 made-up words with Zipf frequencies, a few entities, tags and a source each; and
 * a mix of alerts like people save (mostly one to three words, some phrases, OR, prefixes
 * and negations, some with entity, tag or source filters).
 */
public final class BenchCorpus {

	private static final int VOCABULARY = 20_000;

	private static final List<String> TAGS = List.of("politics", "economy-business-finance", "labour", "sport",
			"health", "science-technology", "environment", "crime-law-justice", "education", "conflict-war-peace");

	private final Random random;

	private final String[] words = new String[VOCABULARY];

	private final double[] cumulative = new double[VOCABULARY];

	private final List<String> names = new ArrayList<>();

	private final List<String> sources = new ArrayList<>();

	public BenchCorpus(long seed) {
		this.random = new Random(seed);
		String letters = "abcdefghijklmnoprstuvwy";
		double total = 0;
		for (int i = 0; i < VOCABULARY; i++) {
			// Random letters, then the rank in letters: every word differs.
			StringBuilder word = new StringBuilder();
			int length = 2 + this.random.nextInt(5);
			for (int c = 0; c < length; c++) {
				word.append(letters.charAt(this.random.nextInt(letters.length())));
			}
			for (int rank = i; rank > 0; rank /= letters.length()) {
				word.append(letters.charAt(rank % letters.length()));
			}
			this.words[i] = word.toString();
			total += 1.0 / (i + 1);
			this.cumulative[i] = total;
		}
		for (int i = 0; i < VOCABULARY; i++) {
			this.cumulative[i] /= total;
		}
		for (int i = 0; i < 500; i++) {
			this.names.add(capitalised(this.words[100 + i]) + " " + capitalised(this.words[1000 + i]));
		}
		for (int i = 0; i < 20; i++) {
			this.sources.add("source-" + i);
		}
	}

	/**
	 * A word of the vocabulary: rank 0 is in nearly every article, rank 5,000 in few.
	 * @param rank its rank in the Zipf distribution the text is drawn from
	 * @return the word
	 */
	public String word(int rank) {
		return this.words[rank];
	}

	/**
	 * An article.
	 * @param id its id
	 * @return an enriched article of about 600 words
	 */
	public EnrichedArticle article(String id) {
		return article(id, Instant.now());
	}

	/**
	 * An article published at a given time.
	 * @param id its id
	 * @param publishedAt when it was published
	 * @return an enriched article of about 600 words
	 */
	public EnrichedArticle article(String id, Instant publishedAt) {
		StringBuilder text = new StringBuilder(4600);
		for (int sentence = 0; sentence < 40; sentence++) {
			int length = 10 + this.random.nextInt(10);
			for (int w = 0; w < length; w++) {
				String word = word();
				text.append(w == 0 ? capitalised(word) : word).append(w == length - 1 ? ". " : " ");
			}
		}
		List<Entity> entities = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			entities.add(new Entity(pick(this.names), EntityType.values()[i % 3], 2, 0.5, null));
		}
		String title = capitalised(word()) + " " + word() + " " + word() + " " + word() + " " + word();
		Instant now = Instant.now();
		String body = text.toString().strip();
		return new EnrichedArticle(1, id, now.toEpochMilli(), "https://bench.example/" + id, null, pick(this.sources),
				title, body, "Bench Writer", publishedAt, now, "en", "hash-" + id, Origin.BATCH, null,
				body.substring(0, body.indexOf('.') + 1), entities.stream().distinct().toList(),
				List.of(pick(TAGS), pick(TAGS)).stream().distinct().toList(), List.of(), 600, 3, now, null);
	}

	/**
	 * How often the saved searches match: what an alert costs beyond percolation is
	 * writing and publishing its matches.
	 */
	public enum Mix {

		/**
		 * Specific searches (rare words, two words, phrases, names with a word): about
		 * one match in three articles.
		 */
		SELECTIVE,

		/**
		 * Broad ones too (single common words, a name or a tag alone): about six matches
		 * per article.
		 */
		BROAD

	}

	/**
	 * Saved searches as {@code POST /api/v1/alerts} bodies.
	 * @param count how many
	 * @param mix how often they match
	 * @return the request bodies
	 */
	public List<Map<String, Object>> alerts(int count, Mix mix) {
		List<Map<String, Object>> alerts = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			Map<String, Object> alert = new LinkedHashMap<>();
			alert.put("name", "alert " + i);
			if (mix == Mix.SELECTIVE) {
				selective(alert);
			}
			else {
				broad(alert);
			}
			alerts.add(alert);
		}
		return alerts;
	}

	private void selective(Map<String, Object> alert) {
		int kind = this.random.nextInt(100);
		if (kind < 60) {
			alert.put("q", searchWord() + " " + searchWord());
		}
		else if (kind < 75) {
			alert.put("q", "\"" + searchWord() + " " + searchWord() + "\"");
		}
		else if (kind < 90) {
			alert.put("q", searchWord());
			alert.put("entity", List.of(pick(this.names)));
		}
		else if (kind < 95) {
			alert.put("q", rareWord());
		}
		else if (kind < 97) {
			alert.put("q", rareWord() + " OR " + rareWord());
		}
		else {
			alert.put("q", rareWord() + " -" + searchWord());
		}
	}

	private void broad(Map<String, Object> alert) {
		int kind = this.random.nextInt(100);
		if (kind < 30) {
			alert.put("q", searchWord() + " " + searchWord());
		}
		else if (kind < 45) {
			alert.put("q", searchWord());
		}
		else if (kind < 55) {
			alert.put("q", "\"" + searchWord() + " " + searchWord() + "\"");
		}
		else if (kind < 62) {
			alert.put("q", searchWord() + " OR " + searchWord());
		}
		else if (kind < 65) {
			alert.put("q", searchWord().substring(0, 3) + "*");
		}
		else if (kind < 68) {
			alert.put("q", searchWord() + " -" + searchWord());
		}
		else if (kind < 80) {
			alert.put("q", searchWord());
			alert.put("entity", List.of(pick(this.names)));
		}
		else if (kind < 90) {
			alert.put("entity", List.of(pick(this.names)));
		}
		else {
			alert.put("tag", List.of(pick(TAGS)));
			alert.put("source", List.of(pick(this.sources)));
		}
	}

	private String word() {
		double u = this.random.nextDouble();
		int low = 0;
		int high = VOCABULARY - 1;
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (this.cumulative[mid] < u) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return this.words[low];
	}

	/**
	 * A word people would search for: not among the commonest thousand, so that an alert
	 * matches a few articles in a hundred or fewer, not most of them.
	 */
	private String searchWord() {
		return this.words[1000 + this.random.nextInt(VOCABULARY - 1000)];
	}

	/** A word an article has one time in a few hundred. */
	private String rareWord() {
		return this.words[5000 + this.random.nextInt(VOCABULARY - 5000)];
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private static String capitalised(String word) {
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

}
