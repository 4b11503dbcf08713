package newsroom.enrich.topic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import newsroom.enrich.analysis.Token;
import newsroom.enrich.text.Stems;
import newsroom.enrich.text.WordTokenizer;

/**
 * The weighted terms of each IPTC Media Topic, read once from {@code topics/lexicon.tsv},
 * keyed by the Porter stems of their words. Immutable and shared between threads.
 */
public final class TopicLexicon {

	private static final String RESOURCE = "/topics/lexicon.tsv";

	private final Map<String, List<Weight>> terms;

	private final int longestTerm;

	private TopicLexicon(Map<String, List<Weight>> terms) {
		this.terms = Map.copyOf(terms);
		this.longestTerm = terms.keySet().stream().mapToInt((key) -> key.split(" ").length).max().orElse(1);
	}

	/**
	 * Read the lexicon from the classpath.
	 * @return the lexicon
	 */
	public static TopicLexicon load() {
		Map<String, List<Weight>> terms = new HashMap<>();
		try (InputStream in = TopicLexicon.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is not on the classpath");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] columns = line.split("\t");
				String key = WordTokenizer.tokenize(columns[2], 0)
					.stream()
					.map(Token::text)
					.map(Stems::compute)
					.collect(Collectors.joining(" "));
				terms.computeIfAbsent(key, (k) -> new ArrayList<>())
					.add(new Weight(columns[0], Integer.parseInt(columns[1])));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
		terms.replaceAll((key, weights) -> List.copyOf(weights));
		return new TopicLexicon(terms);
	}

	List<Weight> weights(String stems) {
		return this.terms.getOrDefault(stems, List.of());
	}

	int longestTerm() {
		return this.longestTerm;
	}

	/**
	 * One topic a term points at.
	 *
	 * @param topic the IPTC slug
	 * @param weight how strongly, 1 to 3
	 */
	record Weight(String topic, int weight) {
	}

}
