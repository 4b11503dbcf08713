package newsroom.enrich.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import newsroom.events.Entity;
import newsroom.events.EntityType;

/**
 * Turns an article's mentions into entities: gives every mention of a name one type
 * ({@link #propagateTypes}), links a lone surname to the full name it belongs to ("Putin"
 * to "Vladimir Putin", "Blinken" to "Anthony Blinken"), an acronym to the organisation
 * whose initials it is, and aliases of a place to the gazetteer's name ("U.S." to "United
 * States"); then counts mentions and rates salience.
 *
 * <p>
 * Salience is {@code 0.5 × mentions / most mentions of any entity + 0.3 × (1 − first
 * sentence / sentences) + 0.2 × (named in the title)}: frequent, early and headline names
 * matter most. Entities come most salient first.
 */
final class EntityResolver {

	/** Compiled once: {@code String.replaceAll} compiles its pattern on every call. */
	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}.]+");

	static final double FREQUENCY_WEIGHT = 0.5;

	static final double POSITION_WEIGHT = 0.3;

	static final double TITLE_WEIGHT = 0.2;

	private final CueWords cues;

	EntityResolver(CueWords cues) {
		this.cues = cues;
	}

	/**
	 * Link mentions into entities.
	 * @param mentions the article's mentions, typed alike by {@link #propagateTypes}
	 * @param sentences how many body sentences the article has
	 * @param title the headline
	 * @param countries the countries the article is about, to place ambiguous cities
	 * @return the entities, most salient first
	 */
	List<Entity> resolve(List<Mention> mentions, int sentences, String title, Set<String> countries) {
		List<Cluster> clusters = new ArrayList<>();
		Map<String, Cluster> byKey = new HashMap<>();
		// Longest names first, so that a surname finds the full name however they are
		// ordered in the text.
		List<Mention> ordered = new ArrayList<>(mentions);
		ordered.sort(Comparator.comparingInt((Mention m) -> -m.words().size())
			.thenComparingInt(Mention::sentence)
			.thenComparingInt(Mention::start));
		for (Mention mention : ordered) {
			if (mention.type() == null) {
				continue;
			}
			Cluster cluster = byKey.get(clusterKey(mention));
			if (cluster == null) {
				cluster = linked(mention, clusters);
			}
			if (cluster == null) {
				cluster = new Cluster(mention.type());
				clusters.add(cluster);
				byKey.put(clusterKey(mention), cluster);
			}
			cluster.add(mention);
		}
		// Untyped names that are a known person's surname or an organisation's acronym.
		for (Mention mention : ordered) {
			if (mention.type() == null) {
				Cluster cluster = linked(mention, clusters);
				if (cluster != null) {
					cluster.add(mention);
				}
			}
		}
		int most = clusters.stream().mapToInt(Cluster::mentions).max().orElse(1);
		String titleKey = " " + normalise(title) + " ";
		List<Entity> entities = new ArrayList<>();
		for (Cluster cluster : clusters) {
			double salience = FREQUENCY_WEIGHT * cluster.mentions() / most
					+ POSITION_WEIGHT * (1.0 - (double) cluster.firstSentence() / Math.max(1, sentences))
					+ TITLE_WEIGHT * (cluster.inTitle(titleKey) ? 1 : 0);
			entities.add(new Entity(cluster.name(), cluster.type, cluster.mentions(), round(salience),
					(cluster.type == EntityType.LOCATION) ? cluster.countryCode(countries) : null));
		}
		entities.sort(Comparator.comparingDouble(Entity::salience)
			.reversed()
			.thenComparing(Comparator.comparingInt(Entity::mentions).reversed())
			.thenComparing(Entity::name));
		return entities;
	}

	/**
	 * Every mention of the same words takes one type: the one most of its mentions were
	 * given (the strongest evidence on a tie, then the earliest), so that a name typed by
	 * strong context once is the same thing everywhere in the article.
	 * @param mentions the mentions, some typed
	 * @return the mentions, each of one words typed alike
	 */
	static List<Mention> propagateTypes(List<Mention> mentions) {
		Map<String, Map<EntityType, Integer>> votes = new HashMap<>();
		Map<String, Mention> strongest = new HashMap<>();
		for (Mention mention : mentions) {
			if (mention.type() != null) {
				votes.computeIfAbsent(mention.key(), (k) -> new EnumMap<>(EntityType.class))
					.merge(mention.type(), 1, Integer::sum);
				strongest.merge(mention.key(), mention,
						(a, b) -> (b.evidence().ordinal() < a.evidence().ordinal()) ? b : a);
			}
		}
		List<Mention> typed = new ArrayList<>(mentions.size());
		for (Mention mention : mentions) {
			Map<EntityType, Integer> vote = votes.get(mention.key());
			if (vote == null) {
				typed.add(mention);
				continue;
			}
			Mention best = strongest.get(mention.key());
			EntityType winner = best.type();
			for (Map.Entry<EntityType, Integer> entry : vote.entrySet()) {
				if (entry.getValue() > vote.get(winner)) {
					winner = entry.getKey();
				}
			}
			if (mention.type() == winner) {
				typed.add(mention);
			}
			else {
				Mention model = (best.type() == winner) ? best : firstOfType(mentions, mention.key(), winner);
				typed.add(new Mention(mention.sentence(), mention.start(), mention.end(), mention.words(),
						mention.surface(), winner, model.evidence(), model.canonical(), model.countryCodes()));
			}
		}
		return typed;
	}

	private static Mention firstOfType(List<Mention> mentions, String key, EntityType type) {
		for (Mention mention : mentions) {
			if (mention.type() == type && mention.key().equals(key)) {
				return mention;
			}
		}
		throw new IllegalStateException("No mention of " + key + " is a " + type);
	}

	private static String clusterKey(Mention mention) {
		String name = (mention.canonical() != null) ? mention.canonical() : mention.key();
		return mention.type() + ":" + name;
	}

	/**
	 * The cluster a shorter mention belongs to: a person whose name starts or ends with
	 * it, an organisation whose initials it is. Gazetteer places and organisations stand
	 * for themselves.
	 */
	private Cluster linked(Mention mention, List<Cluster> clusters) {
		if (mention.evidence() == Mention.Evidence.GAZETTEER && mention.type() != EntityType.PERSON) {
			return null;
		}
		List<String> words = mention.words();
		for (Cluster cluster : clusters) {
			Mention full = cluster.longest();
			if (full.words().size() <= words.size()) {
				continue;
			}
			boolean weak = mention.type() == null || mention.evidence() == Mention.Evidence.SHAPE
					|| mention.evidence() == Mention.Evidence.NONE;
			if (cluster.type == EntityType.PERSON && (weak || mention.type() == EntityType.PERSON)
					&& (endsWith(full.words(), words) || startsWith(full.words(), words))) {
				return cluster;
			}
			if (cluster.type == EntityType.ORGANIZATION && words.size() == 1
					&& (weak || mention.type() == EntityType.ORGANIZATION)
					&& ((RuleTokens.acronym(words.get(0)) && initials(full.words()).equals(words.get(0)))
							|| endsWith(full.words(), words) || startsWith(full.words(), words))) {
				return cluster;
			}
		}
		return null;
	}

	private static boolean endsWith(List<String> full, List<String> part) {
		return full.subList(full.size() - part.size(), full.size()).equals(part);
	}

	private static boolean startsWith(List<String> full, List<String> part) {
		return full.subList(0, part.size()).equals(part);
	}

	private String initials(List<String> words) {
		StringBuilder initials = new StringBuilder();
		for (String word : words) {
			if (this.cues.nameLike(word)) {
				initials.append(word.charAt(0));
			}
		}
		return initials.toString();
	}

	private static String normalise(String text) {
		return NOT_WORD.matcher(text).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
	}

	private static double round(double value) {
		return Math.round(Math.max(0, Math.min(1, value)) * 1000) / 1000.0;
	}

	/** The mentions of one entity. */
	private static final class Cluster {

		private final EntityType type;

		private final List<Mention> mentions = new ArrayList<>();

		Cluster(EntityType type) {
			this.type = type;
		}

		void add(Mention mention) {
			this.mentions.add(mention);
		}

		int mentions() {
			return this.mentions.size();
		}

		int firstSentence() {
			return this.mentions.stream().mapToInt(Mention::sentence).min().orElse(0);
		}

		Mention longest() {
			return this.mentions.get(0);
		}

		/**
		 * The fullest form the article writes ("United States" when it writes both that
		 * and "U.S."), the most frequent on ties; never a form it does not write.
		 */
		String name() {
			Map<String, Integer> counts = new LinkedHashMap<>();
			for (Mention mention : this.mentions) {
				counts.merge(mention.surface(), 1, Integer::sum);
			}
			return counts.entrySet()
				.stream()
				.max(Comparator.comparingInt((Map.Entry<String, Integer> e) -> e.getKey().split(" ").length)
					.thenComparingInt(Map.Entry::getValue))
				.map(Map.Entry::getKey)
				.orElseThrow();
		}

		boolean inTitle(String title) {
			// Each distinct form once: an entity may have dozens of mentions of one name.
			Set<String> forms = new HashSet<>();
			for (Mention mention : this.mentions) {
				forms.add(mention.key());
				if (mention.canonical() != null) {
					forms.add(mention.canonical());
				}
			}
			return forms.stream().anyMatch((form) -> title.contains(" " + normalise(form) + " "));
		}

		/**
		 * The country of a place: where the article is about, when the place's name is
		 * found in several countries ("Paris" in a text about Texas), else the likeliest.
		 */
		String countryCode(Set<String> countries) {
			for (Mention mention : this.mentions) {
				for (String code : mention.countryCodes()) {
					if (countries.contains(code)) {
						return code;
					}
				}
			}
			for (Mention mention : this.mentions) {
				if (!mention.countryCodes().isEmpty()) {
					return mention.countryCodes().get(0);
				}
			}
			return null;
		}

	}

}
