package newsroom.search;

import java.time.Instant;
import java.util.List;

import newsroom.events.EnrichedArticle;
import newsroom.events.Entity;
import newsroom.events.EntityType;
import newsroom.events.Origin;

/**
 * Enriched articles as enrich-service would publish them, for tests.
 */
public final class TestArticles {

	private TestArticles() {
	}

	/** An entity with two mentions; locations get a country code. */
	public static Entity entity(String name, EntityType type, double salience) {
		return new Entity(name, type, 2, salience, (type == EntityType.LOCATION) ? "KP" : null);
	}

	/** An English article by Chloe Ren, its summary the first sentence of a long text. */
	public static EnrichedArticle article(String id, long revision, String title, String text, String source,
			Instant publishedAt, List<Entity> entities, List<String> tags) {
		return article(id, revision, title, text, source, publishedAt, entities, tags, "en", null);
	}

	/** An article in any language, possibly a near-duplicate of another. */
	public static EnrichedArticle article(String id, long revision, String title, String text, String source,
			Instant publishedAt, List<Entity> entities, List<String> tags, String language, String duplicateOf) {
		String url = "https://" + source + ".example/news/" + id;
		String summary = (text.length() > 200 && text.indexOf('.') > 0) ? text.substring(0, text.indexOf('.') + 1)
				: text;
		return new EnrichedArticle(1, id, revision, url, url, source, title, text, "Chloe Ren", publishedAt,
				publishedAt.plusSeconds(60), language, "hash-" + id, Origin.API, null, summary, entities, tags,
				List.of("troops"), text.split("\\s+").length, 1, publishedAt.plusSeconds(120), duplicateOf);
	}

}
