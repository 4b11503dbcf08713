package newsroom.enrich.analysis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import newsroom.events.Enrichment;
import newsroom.events.Entity;
import org.jspecify.annotations.Nullable;

/**
 * An article on its way through the analysers: its input, and each stage's findings as
 * the stages record them. One instance per article and thread; not shared.
 */
public final class Document {

	private final String title;

	private final String text;

	private final @Nullable String languageHint;

	private @Nullable String language;

	private List<Sentence> sentences = List.of();

	private List<Sentence> body = List.of();

	private long fingerprint;

	private int wordCount;

	private int readingTimeMinutes = 1;

	private String summary = "";

	private List<Entity> entities = List.of();

	private List<EntitySpan> entitySpans = List.of();

	private List<String> tags = List.of();

	private List<String> keywords = List.of();

	private final Stems stems = new Stems();

	/**
	 * Start a document.
	 * @param title the headline
	 * @param text the cleaned body
	 * @param languageHint the language the sender claims, in any form, or {@code null}
	 */
	public Document(String title, String text, @Nullable String languageHint) {
		this.title = Objects.requireNonNull(title, "title");
		this.text = Objects.requireNonNull(text, "text");
		this.languageHint = languageHint;
	}

	public String title() {
		return this.title;
	}

	public String text() {
		return this.text;
	}

	public Optional<String> languageHint() {
		return Optional.ofNullable(this.languageHint);
	}

	/**
	 * The ISO 639-1 language, once the language stage ran.
	 * @return the language, empty when it could not be determined
	 */
	public Optional<String> language() {
		return Optional.ofNullable(this.language);
	}

	public void setLanguage(@Nullable String language) {
		this.language = language;
	}

	public List<Sentence> sentences() {
		return this.sentences;
	}

	public void setSentences(List<Sentence> sentences) {
		this.sentences = List.copyOf(sentences);
	}

	/**
	 * The sentences of the story itself, in order: without page furniture, headings and
	 * the page's tail (tags, author bio). Entities, tags, keywords and fingerprints come
	 * from these only.
	 * @return the body sentences, a subset of {@link #sentences()}
	 */
	public List<Sentence> body() {
		return this.body;
	}

	public void setBody(List<Sentence> body) {
		this.body = List.copyOf(body);
	}

	/**
	 * The Porter stems of the article's words, shared by the stages that read stems
	 * (tags, keywords, the story profile), so that each word is stemmed once per article.
	 * @return the article's stem cache
	 */
	public Stems stems() {
		return this.stems;
	}

	/**
	 * The article's 64-bit SimHash, once the fingerprint stage ran; 0 before.
	 * @return the fingerprint
	 */
	public long fingerprint() {
		return this.fingerprint;
	}

	public void setFingerprint(long fingerprint) {
		this.fingerprint = fingerprint;
	}

	/**
	 * Whether the text is English, the one language the entity analyser knows.
	 * @return {@code true} for English
	 */
	public boolean english() {
		return "en".equals(this.language);
	}

	public int wordCount() {
		return this.wordCount;
	}

	public void setWordCount(int wordCount) {
		this.wordCount = wordCount;
	}

	public int readingTimeMinutes() {
		return this.readingTimeMinutes;
	}

	public void setReadingTimeMinutes(int readingTimeMinutes) {
		this.readingTimeMinutes = readingTimeMinutes;
	}

	public String summary() {
		return this.summary;
	}

	public void setSummary(String summary) {
		this.summary = Objects.requireNonNull(summary, "summary");
	}

	public List<Entity> entities() {
		return this.entities;
	}

	public void setEntities(List<Entity> entities) {
		this.entities = List.copyOf(entities);
	}

	/**
	 * Where the body names each entity, once the entity stage ran: every mention, in text
	 * order.
	 * @return the mentions' spans
	 */
	public List<EntitySpan> entitySpans() {
		return this.entitySpans;
	}

	public void setEntitySpans(List<EntitySpan> entitySpans) {
		this.entitySpans = List.copyOf(entitySpans);
	}

	public List<String> tags() {
		return this.tags;
	}

	public void setTags(List<String> tags) {
		this.tags = List.copyOf(tags);
	}

	public List<String> keywords() {
		return this.keywords;
	}

	public void setKeywords(List<String> keywords) {
		this.keywords = List.copyOf(keywords);
	}

	/**
	 * The findings as the public event contract shapes them.
	 * @return the enrichment
	 */
	public Enrichment toEnrichment() {
		return new Enrichment(this.language, this.summary, this.entities, this.tags, this.keywords, this.wordCount,
				this.readingTimeMinutes);
	}

}
