package newsroom.bench.pipeline.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The word lists and sentence templates of the corpus, read from the resources under
 * {@code corpus/}: {@code names.txt} (people, places, sources), {@code common.txt}
 * (sentences any story may use) and {@code topics.txt} (one section per news topic).
 *
 * @param givenNames first names
 * @param surnames family names
 * @param places cities with their countries
 * @param sources news sites, busiest first
 * @param common sentences for any topic
 * @param quotes quotations for {@code {Q}}
 * @param attributions sentences that attribute a quotation
 * @param topics the topics with their weights
 */
record Lexicon(List<String> givenNames, List<String> surnames, List<Place> places, List<String> sources,
		List<Template> common, List<String> quotes, List<Template> attributions, List<Topic> topics) {

	static Lexicon load() {
		Map<String, List<String>> names = sections("corpus/names.txt");
		Map<String, List<String>> common = sections("corpus/common.txt");
		List<Place> places = names.get("place").stream().map(Place::parse).toList();
		List<Topic> topics = sections("corpus/topics.txt").entrySet()
			.stream()
			.map((section) -> Topic.parse(section.getKey(), section.getValue()))
			.toList();
		return new Lexicon(names.get("given"), names.get("surname"), places, names.get("source"),
				templates(common.get("sentence")), common.get("quote"), templates(common.get("attribution")), topics);
	}

	static List<Template> templates(List<String> lines) {
		return lines.stream().map(Template::parse).toList();
	}

	/** The lines of each {@code [section]}, without comments and blank lines. */
	private static Map<String, List<String>> sections(String resource) {
		Map<String, List<String>> sections = new LinkedHashMap<>();
		List<String> current = null;
		try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing resource " + resource);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String text = line.strip();
				if (text.isEmpty() || text.startsWith("#")) {
					continue;
				}
				if (text.startsWith("[") && text.endsWith("]")) {
					current = new ArrayList<>();
					sections.put(text.substring(1, text.length() - 1), current);
				}
				else if (current != null) {
					current.add(text);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return sections;
	}

	/**
	 * A city and its country.
	 *
	 * @param city the city
	 * @param country its country, as a sentence names it
	 */
	record Place(String city, String country) {

		static Place parse(String line) {
			String[] parts = line.split("\\|");
			return new Place(parts[0], parts[1]);
		}

	}

	/**
	 * A news topic: how often it comes up and how its stories are written.
	 *
	 * @param name the section name
	 * @param weight its share of the corpus
	 * @param headlines title templates
	 * @param leads first-sentence templates
	 * @param sentences body templates
	 * @param roles roles of the people in its stories (may hold slots)
	 * @param organisations organisation name patterns ({@code {S}}, {@code {C}},
	 * {@code {F}})
	 * @param fields words for {@code {F}}
	 * @param nouns what its stories are about
	 */
	record Topic(String name, int weight, List<Template> headlines, List<Template> leads, List<Template> sentences,
			List<Template> roles, List<Template> organisations, List<String> fields, List<String> nouns) {

		static Topic parse(String name, List<String> lines) {
			Map<String, List<String>> values = new LinkedHashMap<>();
			for (String line : lines) {
				int colon = line.indexOf(':');
				values.computeIfAbsent(line.substring(0, colon).strip(), (key) -> new ArrayList<>())
					.add(line.substring(colon + 1).strip());
			}
			return new Topic(name, Integer.parseInt(values.get("weight").get(0)), templates(values.get("headline")),
					templates(values.get("lead")), templates(values.get("sentence")), templates(values.get("role")),
					templates(values.get("org")), values.get("field"), values.get("noun"));
		}

	}

}
