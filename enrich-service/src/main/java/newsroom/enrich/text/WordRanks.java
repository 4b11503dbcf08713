package newsroom.enrich.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How common each English word is: its rank among the 50,000 most frequent words on
 * Wikipedia ({@code gazetteer/word-ranks.txt}). By Zipf's law a word's frequency falls as
 * one over its rank, so the rank stands in for document frequency: the keyword analyser
 * weighs words by the logarithm of their rank, and the entity analyser treats a
 * capitalised common word at the start of a sentence as an ordinary word.
 */
public final class WordRanks {

	/** The rank given to words that are not on the list: rarer than all of them. */
	public static final int UNRANKED = 60_000;

	private static final String RESOURCE = "/gazetteer/word-ranks.txt";

	private final Map<String, Integer> ranks;

	private WordRanks(Map<String, Integer> ranks) {
		this.ranks = ranks;
	}

	/**
	 * Read the list from the classpath.
	 * @return the ranks
	 */
	public static WordRanks load() {
		Map<String, Integer> ranks = new HashMap<>(80_000);
		try (InputStream in = WordRanks.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is not on the classpath");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			int rank = 1;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank() && !line.startsWith("#")) {
					ranks.putIfAbsent(line.strip(), rank++);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
		return new WordRanks(Collections.unmodifiableMap(new HashMap<>(ranks)));
	}

	/**
	 * The most common words.
	 * @param count how many
	 * @return the words ranked 1 to {@code count}, lower case
	 */
	public Set<String> mostCommon(int count) {
		Set<String> words = new HashSet<>();
		this.ranks.forEach((word, rank) -> {
			if (rank <= count) {
				words.add(word);
			}
		});
		return words;
	}

	/**
	 * The rank of a word, 1 for the most common.
	 * @param word a word in any case
	 * @return its rank, {@link #UNRANKED} when it is not among the 50,000
	 */
	public int rank(String word) {
		// Every word on the list is in lower case: a word with a capital is looked up
		// once, lower-cased (toLowerCase gives the same string when there is none).
		return this.ranks.getOrDefault(word.toLowerCase(Locale.ROOT), UNRANKED);
	}

}
