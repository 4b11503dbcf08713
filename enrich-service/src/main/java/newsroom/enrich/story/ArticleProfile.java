package newsroom.enrich.story;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import newsroom.events.EntityType;

/**
 * What story assignment knows of one article: when and where it was published, its tags,
 * its weighted content terms and its salient entities. Made by {@link ArticleProfiler},
 * kept with the article's fingerprint on the service's own topic so that a restarted
 * service can score new articles against it again.
 *
 * @param publishedAt when the article was published
 * @param source its source
 * @param tags its topic tags, highest score first
 * @param terms content term (a Porter stem, or {@code #} and a number) to weight, the
 * weights of unit length
 * @param entities its most salient entities, most salient first
 * @param results the results its title and first sentence give, as terms: two numbers
 * joined by a dash ({@code #88-79}, {@code #6-4}); empty in profiles stored before they
 * were kept
 */
public record ArticleProfile(Instant publishedAt, String source, List<String> tags, Map<String, Double> terms,
		List<ProfileEntity> entities, List<String> results) {

	public ArticleProfile {
		tags = (tags != null) ? List.copyOf(tags) : List.of();
		// In the order given (heaviest first), so that the stored form reads well.
		terms = (terms != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(terms)) : Map.of();
		entities = (entities != null) ? List.copyOf(entities) : List.of();
		results = (results != null) ? List.copyOf(results) : List.of();
	}

	/**
	 * A profile whose lead gives no result.
	 * @param publishedAt when the article was published
	 * @param source its source
	 * @param tags its topic tags
	 * @param terms its weighted content terms
	 * @param entities its most salient entities
	 */
	public ArticleProfile(Instant publishedAt, String source, List<String> tags, Map<String, Double> terms,
			List<ProfileEntity> entities) {
		this(publishedAt, source, tags, terms, entities, List.of());
	}

	/**
	 * A salient entity of an article.
	 *
	 * @param name its fullest name in the article
	 * @param type its type
	 * @param salience how central it is to the article, 0..1
	 * @param keys the lower-case names under which it matches another article's entity
	 * (its whole name, a person's surname, an organisation's initials, a distinctive word
	 * of a longer name): two entities are one when they share a key
	 */
	public record ProfileEntity(String name, EntityType type, double salience, List<String> keys) {

		public ProfileEntity {
			keys = (keys != null) ? List.copyOf(keys) : List.of(name.toLowerCase(Locale.ROOT));
		}

	}

}
