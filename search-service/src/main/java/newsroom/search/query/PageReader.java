package newsroom.search.query;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

import co.elastic.clients.elasticsearch._types.FieldValue;
import newsroom.search.index.ArticleHit;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads Elasticsearch's answer to a page of a search ({@link SearchRequests#page}) in one
 * pass over its JSON, straight into the hits and counts of the API's answer. The typed
 * client first builds its own model of the whole answer (every hit's metadata, every
 * bucket, the source as a tree turned into a record) that then has to be mapped; on the
 * dashboard's search that was a fifth of the service's CPU.
 */
final class PageReader {

	private static final JsonFactory json = new JsonFactory();

	private final JsonParser parser;

	private boolean timedOut;

	private OptionalLong total = OptionalLong.empty();

	private final List<Hit> hits = new ArrayList<>();

	private final MatchCounts.Builder counts = new MatchCounts.Builder();

	private PageReader(JsonParser parser) {
		this.parser = parser;
	}

	/**
	 * Read an answer.
	 * @param content the answer's JSON, as Elasticsearch sent it (aggregation names
	 * without their types: no {@code typed_keys})
	 * @return the hits in the answer's order, the total and the counts
	 */
	static Page read(InputStream content) {
		try (JsonParser parser = json.createParser(ObjectReadContext.empty(), content)) {
			PageReader reader = new PageReader(parser);
			parser.nextToken();
			reader.answer();
			return new Page(reader.timedOut, reader.total, List.copyOf(reader.hits), reader.counts.build());
		}
	}

	private void answer() {
		forEachProperty((name) -> {
			switch (name) {
				case "timed_out" -> this.timedOut = this.parser.getBooleanValue();
				case "hits" -> forEachProperty((field) -> {
					if ("total".equals(field) && this.parser.currentToken() == JsonToken.START_OBJECT) {
						forEachProperty((part) -> {
							if ("value".equals(part)) {
								this.total = OptionalLong.of(this.parser.getLongValue());
							}
							else {
								this.parser.skipChildren();
							}
						});
					}
					else if ("hits".equals(field)) {
						forEachElement(() -> this.hits.add(hit()));
					}
					else {
						this.parser.skipChildren();
					}
				});
				case "aggregations" -> aggregations();
				default -> this.parser.skipChildren();
			}
		});
	}

	private Hit hit() {
		HitFields hit = new HitFields();
		forEachProperty((name) -> {
			switch (name) {
				case "_score" -> hit.score = score();
				case "_source" -> source(hit);
				case "highlight" -> forEachProperty((field) -> {
					if ("title".equals(field)) {
						hit.titleHighlights = strings();
					}
					else if ("text".equals(field)) {
						hit.textHighlights = strings();
					}
					else {
						this.parser.skipChildren();
					}
				});
				case "sort" -> hit.sort = sortValues();
				default -> this.parser.skipChildren();
			}
		});
		return new Hit(new ArticleHit(hit.id, hit.url, hit.title, hit.source, hit.author, hit.publishedAt, hit.language,
				hit.summary, hit.tags, hit.entities, new ArticleHit.Highlights(hit.titleHighlights, hit.textHighlights),
				hit.score, null), hit.sort);
	}

	private void source(HitFields hit) {
		forEachProperty((name) -> {
			switch (name) {
				case "id" -> hit.id = string();
				case "url" -> hit.url = string();
				case "title" -> hit.title = string();
				case "source" -> hit.source = string();
				case "author" -> hit.author = string();
				case "publishedAt" -> {
					String published = string();
					hit.publishedAt = (published != null) ? Instant.parse(published) : null;
				}
				case "language" -> hit.language = string();
				case "summary" -> hit.summary = string();
				case "tags" -> hit.tags = strings();
				case "entities" -> hit.entities = entities();
				default -> this.parser.skipChildren();
			}
		});
	}

	private List<ArticleHit.EntityRef> entities() {
		if (this.parser.currentToken() != JsonToken.START_ARRAY) {
			this.parser.skipChildren();
			return List.of();
		}
		List<ArticleHit.EntityRef> entities = new ArrayList<>();
		forEachElement(() -> {
			String[] nameAndType = new String[2];
			forEachProperty((field) -> {
				switch (field) {
					case "name" -> nameAndType[0] = string();
					case "type" -> nameAndType[1] = string();
					default -> this.parser.skipChildren();
				}
			});
			entities.add(new ArticleHit.EntityRef(nameAndType[0], nameAndType[1]));
		});
		return entities;
	}

	/** The hit's relevance; none when Elasticsearch did not score it (null or NaN). */
	private Double score() {
		if (!this.parser.currentToken().isNumeric()) {
			this.parser.skipChildren();
			return null;
		}
		double score = this.parser.getDoubleValue();
		return Double.isNaN(score) ? null : score;
	}

	/** Sort values as the typed client reads them: whole numbers as longs. */
	private List<FieldValue> sortValues() {
		List<FieldValue> values = new ArrayList<>(3);
		forEachElement(() -> values.add(switch (this.parser.currentToken()) {
			case VALUE_NUMBER_INT -> FieldValue.of(this.parser.getLongValue());
			case VALUE_NUMBER_FLOAT -> FieldValue.of(this.parser.getDoubleValue());
			case VALUE_STRING -> FieldValue.of(this.parser.getString());
			case VALUE_TRUE, VALUE_FALSE -> FieldValue.of(this.parser.getBooleanValue());
			default -> FieldValue.NULL;
		}));
		return values;
	}

	private void aggregations() {
		forEachProperty((name) -> {
			switch (name) {
				case "tags" -> buckets("key", (bucket) -> this.counts.tag(bucket.key, bucket.count));
				case "sources" -> buckets("key", (bucket) -> this.counts.source(bucket.key, bucket.count));
				case "languages" -> buckets("key", (bucket) -> this.counts.language(bucket.key, bucket.count));
				case "entities" -> forEachProperty((field) -> {
					if ("types".equals(field)) {
						buckets("key", (type) -> type.names
							.forEach((entity) -> this.counts.entity(entity.key, type.key, entity.articles)));
					}
					else {
						this.parser.skipChildren();
					}
				});
				case "histogram" -> buckets("key_as_string", (bucket) -> this.counts.day(bucket.key, bucket.count));
				default -> this.parser.skipChildren();
			}
		});
	}

	/**
	 * Read the buckets of an aggregation, with the two sub-aggregations the page asks
	 * for: an entity type's {@code names}, and a name's {@code articles} (the
	 * reverse-nested count: an article naming the entity twice counts once).
	 */
	private void buckets(String keyField, Consumer<Bucket> handler) {
		forEachProperty((name) -> {
			if (!"buckets".equals(name) || this.parser.currentToken() != JsonToken.START_ARRAY) {
				this.parser.skipChildren();
				return;
			}
			forEachElement(() -> {
				Bucket bucket = new Bucket();
				forEachProperty((field) -> {
					if (keyField.equals(field)) {
						bucket.key = this.parser.getString();
					}
					else if ("doc_count".equals(field)) {
						bucket.count = this.parser.getLongValue();
					}
					else if ("names".equals(field)) {
						buckets("key", bucket.names::add);
					}
					else if ("articles".equals(field)) {
						forEachProperty((part) -> {
							if ("doc_count".equals(part)) {
								bucket.articles = this.parser.getLongValue();
							}
							else {
								this.parser.skipChildren();
							}
						});
					}
					else {
						this.parser.skipChildren();
					}
				});
				handler.accept(bucket);
			});
		});
	}

	private String string() {
		if (this.parser.currentToken() != JsonToken.VALUE_STRING) {
			this.parser.skipChildren();
			return null;
		}
		return this.parser.getString();
	}

	private List<String> strings() {
		if (this.parser.currentToken() != JsonToken.START_ARRAY) {
			this.parser.skipChildren();
			return List.of();
		}
		List<String> strings = new ArrayList<>();
		forEachElement(() -> strings.add(this.parser.getString()));
		return strings;
	}

	/**
	 * Run the action for each property of the object the parser is at, with the parser at
	 * the property's value; the action consumes the value, a nested object or array
	 * included.
	 */
	private void forEachProperty(Consumer<String> action) {
		expect(JsonToken.START_OBJECT);
		for (String name = this.parser.nextName(); name != null; name = this.parser.nextName()) {
			this.parser.nextToken();
			action.accept(name);
		}
	}

	/** Run the action for each element of the array the parser is at. */
	private void forEachElement(Runnable action) {
		expect(JsonToken.START_ARRAY);
		while (this.parser.nextToken() != JsonToken.END_ARRAY) {
			action.run();
		}
	}

	private void expect(JsonToken expected) {
		if (this.parser.currentToken() != expected) {
			throw new IllegalStateException(
					"Elasticsearch answered " + this.parser.currentToken() + " where " + expected + " belongs");
		}
	}

	/**
	 * A page as Elasticsearch answered it.
	 *
	 * @param timedOut whether the search ran past its deadline
	 * @param total how many articles match, when Elasticsearch counted them
	 * @param hits the hits, one more than the page when there is another page
	 * @param counts facets and daily counts over all matching articles
	 */
	record Page(boolean timedOut, OptionalLong total, List<Hit> hits, MatchCounts counts) {
	}

	/**
	 * A hit with where it stands in the search's order.
	 *
	 * @param article the hit as the API shows it
	 * @param sort its sort values, for the next page's cursor
	 */
	record Hit(ArticleHit article, List<FieldValue> sort) {
	}

	/**
	 * The fields of a hit while it is read; absent lists are empty, as the API shows
	 * them.
	 */
	private static final class HitFields {

		private String id;

		private String url;

		private String title;

		private String source;

		private String author;

		private Instant publishedAt;

		private String language;

		private String summary;

		private List<String> tags = List.of();

		private List<ArticleHit.EntityRef> entities = List.of();

		private List<String> titleHighlights = List.of();

		private List<String> textHighlights = List.of();

		private Double score;

		private List<FieldValue> sort = List.of();

	}

	/** A bucket while it is read. */
	private static final class Bucket {

		private String key;

		private long count;

		private long articles;

		private final List<Bucket> names = new ArrayList<>();

	}

}
