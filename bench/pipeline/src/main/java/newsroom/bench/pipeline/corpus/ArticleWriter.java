package newsroom.bench.pipeline.corpus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import newsroom.bench.pipeline.corpus.Lexicon.Place;
import newsroom.bench.pipeline.corpus.Lexicon.Topic;

/**
 * Writes one article: picks a topic (by weight), sometimes a second one, a cast of two to
 * six people, one to four organisations and two to four places, a length, and then fills
 * sentence templates. People are named in full at first and mostly by family name later,
 * as a reporter writes; the first person, organisation and place of the cast come up
 * most, as the subject of a story does.
 */
final class ArticleWriter {

	private static final int MIN_WORDS = 300;

	private static final int MAX_WORDS = 1500;

	/** Median length of a news article, in words. */
	private static final double MEDIAN_WORDS = 650;

	private static final Instant NEWEST = Instant.parse("2026-06-30T00:00:00Z");

	private static final Duration SPAN = Duration.ofDays(180);

	private static final String[] DAYS = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
			"Sunday" };

	private static final String[] MONTHS = { "January", "February", "March", "April", "May", "June", "July", "August",
			"September", "October", "November", "December" };

	private final Lexicon lexicon;

	private final SplittableRandom random;

	private final Topic topic;

	private final Topic secondary;

	private final String subject;

	private final List<Person> people = new ArrayList<>();

	/** People already named in full in the body. */
	private final Set<Person> introduced = new HashSet<>();

	private final List<String> organisations = new ArrayList<>();

	private final List<Place> places = new ArrayList<>();

	/** The cast of the sentence being written: {@code {P1}}, {@code {P2}} and so on. */
	private Person p1;

	private Person p2;

	private String o1;

	private String o2;

	private Place l1;

	private Place l2;

	/** The topic of the sentence being written, whose nouns fill {@code {n2}}. */
	private Topic sentenceTopic;

	private boolean inTitle;

	private int personMentions;

	private int organisationMentions;

	private int placeMentions;

	ArticleWriter(Lexicon lexicon, SplittableRandom random) {
		this.lexicon = lexicon;
		this.random = random;
		this.topic = weightedTopic();
		// A quarter of stories touch a second topic (a strike is labour and economy).
		Topic other = weightedTopic();
		this.secondary = (random.nextInt(4) == 0 && other != this.topic) ? other : null;
		this.subject = pick(this.topic.nouns());
		this.sentenceTopic = this.topic;
		castPlaces(2 + random.nextInt(3));
		castOrganisations(1 + random.nextInt(4));
		castPeople(2 + Math.min(random.nextInt(6), random.nextInt(6)));
	}

	Article write(int index, String token) {
		chooseSentenceCast();
		this.inTitle = true;
		String title = capitalised(fill(pick(this.topic.headlines())));
		this.inTitle = false;
		int target = targetWords();
		StringBuilder text = new StringBuilder();
		String lead = fill(pick(this.topic.leads()));
		text.append((this.random.nextInt(10) < 3) ? this.l1.city().toUpperCase(Locale.ROOT) + " — " + lead : lead);
		int words = countWords(lead);
		int inParagraph = 1;
		int paragraphLength = 2 + this.random.nextInt(2);
		while (words < target) {
			if (inParagraph == paragraphLength) {
				text.append("\n\n");
				inParagraph = 0;
				paragraphLength = 2 + this.random.nextInt(3);
			}
			else {
				text.append(' ');
			}
			String sentence = nextSentence();
			text.append(sentence);
			words += countWords(sentence);
			inParagraph++;
		}
		String closing = "This report carries the archive code " + token + ".";
		text.append(' ').append(closing);
		words += countWords(closing);
		String source = source();
		String author = pick(this.lexicon.givenNames()) + " " + pick(this.lexicon.surnames());
		String url = "https://" + source + ".example/news/" + slug(title) + "-" + token;
		Instant published = NEWEST.minusSeconds(this.random.nextLong(SPAN.toSeconds()));
		return new Article(index, token, url, source, author, title, text.toString(), published, this.topic.name(),
				words, new Article.Mentions(this.personMentions, this.organisationMentions, this.placeMentions));
	}

	private String nextSentence() {
		chooseSentenceCast();
		int kind = this.random.nextInt(100);
		this.sentenceTopic = this.topic;
		if (kind < 55) {
			if (this.secondary != null && this.random.nextInt(5) == 0) {
				this.sentenceTopic = this.secondary;
			}
			return fill(pick(this.sentenceTopic.sentences()));
		}
		if (kind < 80) {
			return fill(pick(this.lexicon.common()));
		}
		return fill(pick(this.lexicon.attributions()));
	}

	/** Lengths spread like a news desk's output: most near the median, a long tail. */
	private int targetWords() {
		double lognormal = MEDIAN_WORDS * Math.exp(0.42 * gaussian());
		return (int) Math.max(MIN_WORDS, Math.min(MAX_WORDS - 60, lognormal));
	}

	private void chooseSentenceCast() {
		int first = leadingIndex(this.people.size());
		this.p1 = this.people.get(first);
		this.p2 = this.people.get((first + 1 + this.random.nextInt(this.people.size() - 1)) % this.people.size());
		int firstOrganisation = leadingIndex(this.organisations.size());
		this.o1 = this.organisations.get(firstOrganisation);
		this.o2 = this.organisations.get((firstOrganisation + 1) % this.organisations.size());
		int firstPlace = leadingIndex(this.places.size());
		this.l1 = this.places.get(firstPlace);
		this.l2 = this.places.get((firstPlace + 1 + this.random.nextInt(this.places.size() - 1)) % this.places.size());
	}

	/** The story's main actor (index 0) four times in ten, otherwise anyone. */
	private int leadingIndex(int size) {
		return (this.random.nextInt(10) < 4) ? 0 : this.random.nextInt(size);
	}

	private String fill(Template template) {
		StringBuilder out = new StringBuilder(160);
		template.fill(out, this::slot);
		return out.toString();
	}

	private String slot(String name) {
		return switch (name) {
			case "P1" -> person(this.p1);
			case "P2" -> person(this.p2);
			case "R1" -> fill(this.p1.role());
			case "R2" -> fill(this.p2.role());
			case "O1" -> organisation(this.o1);
			case "O2" -> organisation(this.o2);
			case "L1" -> place(this.l1.city());
			case "L2" -> place(this.l2.city());
			case "K1" -> place(this.l1.country());
			case "K2" -> place(this.l2.country());
			case "n" -> this.subject;
			case "n2" -> pick(this.sentenceTopic.nouns());
			case "Q" -> pick(this.lexicon.quotes());
			default -> NumberSlots.slot(name, this.random, DAYS, MONTHS);
		};
	}

	private String person(Person person) {
		if (this.inTitle) {
			return person.surname();
		}
		this.personMentions++;
		// Full name at first mention, then mostly the family name.
		boolean full = this.introduced.add(person) || this.random.nextInt(4) == 0;
		return full ? person.given() + " " + person.surname() : person.surname();
	}

	private String organisation(String name) {
		this.organisationMentions += this.inTitle ? 0 : 1;
		return name;
	}

	private String place(String name) {
		this.placeMentions += this.inTitle ? 0 : 1;
		return name;
	}

	private void castPlaces(int count) {
		while (this.places.size() < count) {
			Place place = pick(this.lexicon.places());
			if (!this.places.contains(place)) {
				this.places.add(place);
			}
		}
	}

	private void castOrganisations(int count) {
		while (this.organisations.size() < count) {
			Template pattern = pick(this.topic.organisations());
			StringBuilder name = new StringBuilder();
			pattern.fill(name, (slot) -> switch (slot) {
				case "S" -> pick(this.lexicon.surnames());
				case "C" -> pick(this.places).city();
				case "F" -> pick(this.topic.fields());
				default -> throw new IllegalArgumentException("Unknown organisation slot " + slot);
			});
			if (!this.organisations.contains(name.toString())) {
				this.organisations.add(name.toString());
			}
		}
	}

	private void castPeople(int count) {
		while (this.people.size() < count) {
			Person person = new Person(pick(this.lexicon.givenNames()), pick(this.lexicon.surnames()),
					pick(this.topic.roles()));
			if (this.people.stream().noneMatch((p) -> p.surname().equals(person.surname()))) {
				this.people.add(person);
			}
		}
	}

	private Topic weightedTopic() {
		int total = this.lexicon.topics().stream().mapToInt(Topic::weight).sum();
		int ticket = this.random.nextInt(total);
		for (Topic candidate : this.lexicon.topics()) {
			ticket -= candidate.weight();
			if (ticket < 0) {
				return candidate;
			}
		}
		throw new IllegalStateException("weights add up to " + total);
	}

	/** A few sites carry most articles: site {@code k} is chosen with weight 1/(k+1). */
	private String source() {
		List<String> sources = this.lexicon.sources();
		double total = 0;
		for (int k = 0; k < sources.size(); k++) {
			total += 1.0 / (k + 1);
		}
		double ticket = this.random.nextDouble() * total;
		for (int k = 0; k < sources.size(); k++) {
			ticket -= 1.0 / (k + 1);
			if (ticket < 0) {
				return sources.get(k);
			}
		}
		return sources.get(sources.size() - 1);
	}

	private double gaussian() {
		// Box-Muller: SplittableRandom has no nextGaussian on Java 17.
		return Math.sqrt(-2 * Math.log(1 - this.random.nextDouble()))
				* Math.cos(2 * Math.PI * this.random.nextDouble());
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private static int countWords(String sentence) {
		int words = 1;
		for (int i = 0; i < sentence.length(); i++) {
			if (sentence.charAt(i) == ' ') {
				words++;
			}
		}
		return words;
	}

	private static String capitalised(String title) {
		return Character.toUpperCase(title.charAt(0)) + title.substring(1);
	}

	private static String slug(String title) {
		String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
		return (slug.length() > 60) ? slug.substring(0, 60).replaceAll("-[^-]*$", "") : slug;
	}

	/**
	 * A member of the cast.
	 *
	 * @param given first name
	 * @param surname family name
	 * @param role what they are in the story
	 */
	private record Person(String given, String surname, Template role) {
	}

}
