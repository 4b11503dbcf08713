package newsroom.enrich.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the hand-written dev sets under {@code src/test/resources/dev-set}: JSON Lines,
 * one record per line.
 */
final class DevSet {

	private static final JsonMapper json = JsonMapper.builder().build();

	private DevSet() {
	}

	static <T> List<T> read(String resource, Class<T> type) {
		List<T> items = new ArrayList<>();
		try (InputStream in = DevSet.class.getResourceAsStream("/dev-set/" + resource)) {
			if (in == null) {
				throw new IllegalStateException("/dev-set/" + resource + " is not on the test classpath");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank()) {
					items.add(json.readValue(line, type));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return items;
	}

	/**
	 * A paragraph with its hand-checked entities and topics.
	 *
	 * @param id a short name
	 * @param tags the IPTC slugs a person would give it
	 * @param title the headline
	 * @param text the paragraph
	 * @param entities every person, organisation and place it names
	 */
	record Paragraph(String id, List<String> tags, String title, String text, List<Expected> entities) {
	}

	/**
	 * One expected entity.
	 *
	 * @param name its fullest name (countries by their usual English name)
	 * @param type PERSON, ORGANIZATION or LOCATION
	 */
	record Expected(String name, String type) {
	}

	/**
	 * An article with a summary a person wrote for it.
	 *
	 * @param id a short name
	 * @param title the headline
	 * @param text the article
	 * @param reference the hand-written reference summary
	 */
	record Summarised(String id, String title, String text, String reference) {
	}

}
