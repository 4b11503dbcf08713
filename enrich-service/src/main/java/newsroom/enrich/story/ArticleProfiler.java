package newsroom.enrich.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import newsroom.enrich.analysis.Document;
import newsroom.enrich.analysis.Sentence;
import newsroom.enrich.analysis.Stems;
import newsroom.enrich.analysis.Token;
import newsroom.enrich.story.ArticleProfile.ProfileEntity;
import newsroom.enrich.text.StopWords;
import newsroom.enrich.text.WordRanks;
import newsroom.enrich.text.WordTokenizer;
import newsroom.events.Entity;

/**
 * Makes an article's {@link ArticleProfile} from its analysed document: the content terms
 * that tell one event from another, weighted by TF-IDF, and its salient entities.
 *
 * <p>
 * A term is a word's Porter stem or a number. Its weight is its frequency in the title
 * (each occurrence counting {@link StoryWeights#titleWeight()}) and body (a sentence
 * counting less the further it is from the lead) times its rarity, {@code ln(1 + rank /
 * 50)} by its rank among the most frequent Wikipedia words, as for keywords: "magnitude"
 * and "aftershock" say more than "said". Numbers ("3-1", "12,000", "4.5") weigh as much
 * as a rare word, since a score or a toll names one event; a year or a single digit less.
 * The words of the article's own entity names count only in part
 * ({@link StoryWeights#nameTermFactor()}): the entities are compared on their own, and
 * two matches of the same teams must not look alike for their names alone. The results
 * that the title and first sentence give ("88-79", "6-4") are kept apart: the lead says
 * what happened, while a later sentence may recall an earlier game. Stateless and safe
 * for concurrent use.
 */
public final class ArticleProfiler {

	/** How many terms a profile keeps, heaviest first. */
	static final int MAX_TERMS = 40;

	/** How many entities a profile keeps, most salient first. */
	static final int MAX_ENTITIES = 8;

	private static final double NUMBER_RARITY = Math.log(1 + 20_000 / 50.0);

	private static final double YEAR_RARITY = Math.log(1 + 300 / 50.0);

	private static final double DIGIT_RARITY = Math.log(1 + 100 / 50.0);

	private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");

	/** A result as a term: a score, a set, a tally. */
	private static final Pattern RESULT = Pattern.compile("#\\d+-\\d+");

	/** Between the words of a name; compiled once, not on every split. */
	private static final Pattern NAME_SEPARATOR = Pattern.compile("[\\s’']+");

	private final WordRanks ranks;

	private final Set<String> stopWords = StopWords.english();

	private final StoryWeights weights;

	private final EntityKeys entityKeys;

	/**
	 * Create a profiler.
	 * @param ranks the shared word ranks
	 * @param weights how terms are weighed
	 */
	public ArticleProfiler(WordRanks ranks, StoryWeights weights) {
		this.ranks = ranks;
		this.weights = weights;
		this.entityKeys = new EntityKeys(ranks);
	}

	/**
	 * Profile one analysed article.
	 * @param document the article after the enricher's stages
	 * @param publishedAt when it was published
	 * @param source its source
	 * @return its profile
	 */
	public ArticleProfile profile(Document document, Instant publishedAt, String source) {
		Set<String> nameWords = nameWords(document.entities());
		Stems stems = document.stems();
		Map<String, Double> frequency = new HashMap<>();
		Set<String> results = new TreeSet<>();
		count(WordTokenizer.tokenize(document.title(), 0), this.weights.titleWeight(), nameWords, stems, frequency,
				results);
		List<Sentence> body = document.body();
		Set<String> laterResults = new HashSet<>();
		for (int index = 0; index < body.size(); index++) {
			double position = 1 / (1 + index / this.weights.leadSentences());
			count(body.get(index).tokens(), position, nameWords, stems, frequency,
					(index == 0) ? results : laterResults);
		}
		return new ArticleProfile(publishedAt, source, document.tags(), normalised(frequency),
				salientEntities(document.entities()), List.copyOf(results));
	}

	private void count(List<Token> tokens, double weight, Set<String> nameWords, Stems stems,
			Map<String, Double> frequency, Set<String> results) {
		for (int index = 0; index < tokens.size(); index++) {
			String word = tokens.get(index).text();
			if (Character.isDigit(word.charAt(0))) {
				// "3–1" with an en dash is three tokens; a score is one term.
				if (index + 2 < tokens.size() && isDash(tokens.get(index + 1).text())
						&& Character.isDigit(tokens.get(index + 2).text().charAt(0))) {
					word = word + "-" + tokens.get(index + 2).text();
					index += 2;
				}
				String term = number(word);
				frequency.merge(term, weight * numberRarity(word), Double::sum);
				if (RESULT.matcher(term).matches()) {
					results.add(term);
				}
				continue;
			}
			String lower = word.toLowerCase(Locale.ROOT);
			if (!Character.isLetter(word.charAt(0)) || lower.length() < 2 || this.stopWords.contains(lower)) {
				continue;
			}
			double rarity = Math.log(1 + this.ranks.rank(lower) / 50.0);
			double name = nameWords.contains(lower) ? this.weights.nameTermFactor() : 1;
			frequency.merge(stems.stem(lower), weight * rarity * name, Double::sum);
		}
	}

	private static boolean isDash(String token) {
		return token.equals("–") || token.equals("—") || token.equals("-");
	}

	private static String number(String token) {
		return "#" + token.replace(",", "").replace('–', '-');
	}

	private static double numberRarity(String token) {
		String digits = token.replace(",", "");
		if (digits.length() == 1) {
			return DIGIT_RARITY;
		}
		if (digits.length() == 4 && (digits.startsWith("19") || digits.startsWith("20"))) {
			return YEAR_RARITY;
		}
		return NUMBER_RARITY;
	}

	/**
	 * Whether a term is a figure that names one event: a number of two digits or more
	 * that is not a year ("3-1", "12000", "4.5", "28.4").
	 * @param term a profile term
	 * @return {@code true} for such a figure
	 */
	static boolean isFigure(String term) {
		if (!term.startsWith("#")) {
			return false;
		}
		String number = term.substring(1);
		long digits = number.chars().filter(Character::isDigit).count();
		return digits >= 2 && !YEAR.matcher(number).matches();
	}

	private static Set<String> nameWords(List<Entity> entities) {
		Set<String> words = new HashSet<>();
		for (Entity entity : entities) {
			for (String word : NAME_SEPARATOR.split(entity.name().toLowerCase(Locale.ROOT))) {
				words.add(word);
			}
		}
		return words;
	}

	/** The heaviest terms, scaled to unit length, heaviest first. */
	private static Map<String, Double> normalised(Map<String, Double> frequency) {
		List<Map.Entry<String, Double>> heaviest = new ArrayList<>(frequency.entrySet());
		heaviest.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
			.thenComparing(Map.Entry.comparingByKey()));
		List<Map.Entry<String, Double>> kept = heaviest.subList(0, Math.min(MAX_TERMS, heaviest.size()));
		double length = Math.sqrt(kept.stream().mapToDouble((entry) -> entry.getValue() * entry.getValue()).sum());
		Map<String, Double> terms = new LinkedHashMap<>();
		for (Map.Entry<String, Double> entry : kept) {
			terms.put(entry.getKey(), Math.round(entry.getValue() / length * 10_000) / 10_000.0);
		}
		return terms;
	}

	private List<ProfileEntity> salientEntities(List<Entity> entities) {
		return entities.stream()
			.filter((entity) -> entity.type() != null)
			.sorted(Comparator.comparingDouble(Entity::salience).reversed())
			.limit(MAX_ENTITIES)
			.map((entity) -> new ProfileEntity(entity.name(), entity.type(), entity.salience(),
					this.entityKeys.of(entity.name(), entity.type())))
			.toList();
	}

}
