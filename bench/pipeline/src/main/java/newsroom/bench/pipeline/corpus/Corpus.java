package newsroom.bench.pipeline.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The benchmark's corpus: news-like articles of 300 to 1,500 words on weighted topics,
 * with people, organisations and places, written from the templates in
 * {@code corpus/*.txt}. Article {@code i} depends only on the seed and {@code i}, so a
 * corpus needs no storage and a run can be repeated; the run tag goes only into the
 * unique token and the URL, so that a pipeline that has seen an earlier run takes these
 * articles as new.
 */
public final class Corpus {

	private final Lexicon lexicon = Lexicon.load();

	private final long seed;

	private final String runTag;

	/**
	 * A corpus.
	 * @param seed fixes every article's text
	 * @param runTag a few lower-case letters or digits that make tokens and URLs unique
	 * to this run
	 */
	public Corpus(long seed, String runTag) {
		if (!runTag.matches("[a-z0-9]{1,8}")) {
			throw new IllegalArgumentException("Run tag must be 1 to 8 lower-case letters or digits: " + runTag);
		}
		this.seed = seed;
		this.runTag = runTag;
	}

	/**
	 * The article at an index.
	 * @param index zero or more
	 * @return the article, the same for the same seed and index
	 */
	public Article article(int index) {
		// SplittableRandom spreads neighbouring seeds well, so neighbouring articles
		// differ.
		SplittableRandom random = new SplittableRandom(this.seed * 0x9E3779B97F4A7C15L + index);
		// Letters then base-36 digits: one word for the standard tokenizer, never a
		// word of the templates.
		String token = "nb" + this.runTag + "q" + Integer.toString(index, 36);
		return new ArticleWriter(this.lexicon, random).write(index, token);
	}

	/**
	 * What people type into the dashboard's search box, drawn from the corpus's own
	 * words: a subject ("pension reform"), a city, a family name, or a subject and a
	 * city.
	 * @param count how many queries
	 * @return the queries, the same for the same seed
	 */
	public List<String> searchTerms(int count) {
		SplittableRandom random = new SplittableRandom(this.seed);
		List<String> terms = new ArrayList<>(count);
		while (terms.size() < count) {
			Lexicon.Topic topic = this.lexicon.topics().get(random.nextInt(this.lexicon.topics().size()));
			String subject = topic.nouns().get(random.nextInt(topic.nouns().size()));
			String city = this.lexicon.places().get(random.nextInt(this.lexicon.places().size())).city();
			String surname = this.lexicon.surnames().get(random.nextInt(this.lexicon.surnames().size()));
			String term = switch (random.nextInt(10)) {
				case 0, 1, 2, 3 -> subject;
				case 4, 5, 6 -> city;
				case 7 -> surname;
				default -> subject + " " + city;
			};
			if (!terms.contains(term)) {
				terms.add(term);
			}
		}
		return terms;
	}

}
