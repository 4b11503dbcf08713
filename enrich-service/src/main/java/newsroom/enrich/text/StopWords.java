package newsroom.enrich.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * English stop words ({@code keywords/stopwords.txt}): the words that say nothing about
 * what an article is about, for the keyword and story stages.
 */
public final class StopWords {

	private static final String RESOURCE = "/keywords/stopwords.txt";

	private StopWords() {
	}

	/**
	 * Read the list from the classpath, each word with a straight and a typographic
	 * apostrophe.
	 * @return the lower-case stop words, unmodifiable
	 */
	public static Set<String> english() {
		Set<String> words = new HashSet<>();
		try (InputStream in = StopWords.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is not on the classpath");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank() && !line.startsWith("#")) {
					words.add(line.strip());
					words.add(line.strip().replace('\'', '’'));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
		return Set.copyOf(words);
	}

}
