package newsroom.enrich.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads WikiGold ({@code ../shared/data/ner/wikigold/wikigold.conll.txt}, CC BY 4.0, read
 * in place and never copied): 145 Wikipedia articles, one token and its IOB1 tag a line,
 * a blank line between sentences and a {@code -DOCSTART-} line after each article. Each
 * article becomes a {@link LabelledDocument} whose text is its tokens joined as prose
 * ("did n't" stays as written; no space before a comma or after an opening bracket), so
 * the enricher reads it as it would read an article. Articles 1–100 are the dev part
 * (study, tune, train), 101–145 the test part (score only).
 */
public final class WikiGold {

	/** Where the set lies, from enrich-service's folder. */
	public static final Path FILE = Path.of("..", "..", "shared", "data", "ner", "wikigold", "wikigold.conll.txt");

	/** Articles 1–100 in file order. */
	public static final int DEV_ARTICLES = 100;

	private static final Set<String> NO_SPACE_BEFORE = Set.of(".", ",", ";", ":", "!", "?", ")", "]", "}", "%", "'s",
			"'S", "n't", "'re", "'ve", "'ll", "'d", "'m", "'");

	private static final Set<String> NO_SPACE_AFTER = Set.of("(", "[", "{", "$", "#");

	private WikiGold() {
	}

	/**
	 * Every article, in file order.
	 * @param file the CoNLL file
	 * @return 145 documents
	 */
	public static List<LabelledDocument> read(Path file) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("WikiGold not found at " + file.toAbsolutePath()
					+ ": it is read in place from ../shared/data/ner/wikigold", ex);
		}
		List<LabelledDocument> documents = new ArrayList<>();
		Builder builder = new Builder("wikigold-1");
		for (String line : lines) {
			if (line.startsWith("-DOCSTART-")) {
				documents.add(builder.build());
				builder = new Builder("wikigold-" + (documents.size() + 1));
			}
			else if (line.isBlank()) {
				builder.endSentence();
			}
			else {
				int space = line.lastIndexOf(' ');
				builder.add(line.substring(0, space), line.substring(space + 1));
			}
		}
		return documents;
	}

	/** The dev part: articles 1–100. */
	public static List<LabelledDocument> dev() {
		return read(FILE).subList(0, DEV_ARTICLES);
	}

	/**
	 * Dev articles in a range, for studying errors on articles a model was not trained
	 * on.
	 * @param range {@code first-last}, 1-based and inclusive, within 1–100
	 * @return those articles
	 */
	public static List<LabelledDocument> dev(String range) {
		String[] bounds = range.split("-");
		int first = Integer.parseInt(bounds[0]);
		int last = Integer.parseInt(bounds[1]);
		if (first < 1 || last > DEV_ARTICLES || first > last) {
			throw new IllegalArgumentException("A dev range lies within 1-" + DEV_ARTICLES + ": " + range);
		}
		return read(FILE).subList(first - 1, last);
	}

	/** The test part: articles 101–145, for scoring only. */
	public static List<LabelledDocument> test() {
		List<LabelledDocument> all = read(FILE);
		return all.subList(DEV_ARTICLES, all.size());
	}

	/** Joins tokens into text and tags into spans. */
	private static final class Builder {

		private final String id;

		private final StringBuilder text = new StringBuilder();

		private final List<LabelledDocument.Name> names = new ArrayList<>();

		private boolean noSpaceNext = true;

		private boolean quoteOpen;

		private String openType;

		private int openStart;

		private int openEnd;

		Builder(String id) {
			this.id = id;
		}

		void add(String token, String tag) {
			boolean closingQuote = token.equals("\"") && this.quoteOpen;
			if (!this.noSpaceNext && !NO_SPACE_BEFORE.contains(token) && !closingQuote) {
				this.text.append(' ');
			}
			int start = this.text.length();
			this.text.append(token);
			if (token.equals("\"")) {
				this.quoteOpen = !this.quoteOpen;
			}
			this.noSpaceNext = NO_SPACE_AFTER.contains(token) || (token.equals("\"") && this.quoteOpen);
			String type = tag.equals("O") ? null : tag.substring(2);
			boolean begins = tag.startsWith("B-");
			if (this.openType != null && (type == null || !type.equals(this.openType) || begins)) {
				close();
			}
			if (type != null) {
				if (this.openType == null) {
					this.openType = type;
					this.openStart = start;
				}
				this.openEnd = this.text.length();
			}
		}

		void endSentence() {
			close();
			if (!this.text.isEmpty()) {
				this.text.append(' ');
			}
			this.noSpaceNext = true;
			this.quoteOpen = false;
		}

		private void close() {
			if (this.openType != null) {
				this.names.add(new LabelledDocument.Name(this.openStart, this.openEnd, this.openType));
				this.openType = null;
			}
		}

		LabelledDocument build() {
			close();
			return new LabelledDocument(this.id, "", "", this.text.toString().strip(), this.names);
		}

	}

}
