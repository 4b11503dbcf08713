package newsroom.enrich.story;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import newsroom.enrich.text.WordRanks;
import newsroom.events.EntityType;

/**
 * The keys under which two articles' entities are taken as one, whatever form each source
 * writes: "Marion Tully" and "general secretary Tully" by the surname; "European Space
 * Agency" and "ESA", or "United Transport Workers union" and "UTW", by the initials;
 * "Port of Felixstowe" and "Felixstowe" by a word of the name that is rare in English (a
 * common word such as "Port" or "United" would join unrelated names).
 */
final class EntityKeys {

	/** A word of a name ranked beyond this among English words is distinctive. */
	private static final int DISTINCTIVE_RANK = 3_000;

	/**
	 * Compiled once: {@code String.split} compiles a pattern of more than one character
	 * on every call.
	 */
	private static final Pattern SPACES = Pattern.compile("\\s+");

	private final WordRanks ranks;

	EntityKeys(WordRanks ranks) {
		this.ranks = ranks;
	}

	/**
	 * The keys of one entity.
	 * @param name its name as the article writes it at fullest
	 * @param type its type
	 * @return its keys, the whole lower-case name first
	 */
	List<String> of(String name, EntityType type) {
		String lower = name.toLowerCase(Locale.ROOT);
		Set<String> keys = new LinkedHashSet<>();
		keys.add(lower);
		String[] words = SPACES.split(name);
		if (type == EntityType.PERSON) {
			keys.add(words[words.length - 1].toLowerCase(Locale.ROOT));
			return List.copyOf(keys);
		}
		StringBuilder initials = new StringBuilder();
		for (String word : words) {
			if (!word.isEmpty() && Character.isUpperCase(word.charAt(0))) {
				initials.append(Character.toLowerCase(word.charAt(0)));
			}
		}
		if (initials.length() >= 3) {
			keys.add(initials.toString());
		}
		if (words.length > 1) {
			for (String word : words) {
				if (word.length() >= 4 && Character.isUpperCase(word.charAt(0))
						&& this.ranks.rank(word) > DISTINCTIVE_RANK) {
					keys.add(word.toLowerCase(Locale.ROOT));
				}
			}
		}
		return new ArrayList<>(keys);
	}

}
