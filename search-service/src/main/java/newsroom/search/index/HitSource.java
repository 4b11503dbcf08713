package newsroom.search.index;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of an indexed article a hit shows; the body text stays in the index and only
 * its highlighted fragments come back.
 *
 * @param id the article id
 * @param url where it was published
 * @param title the headline
 * @param source the publisher
 * @param author the byline
 * @param publishedAt when it was published
 * @param language ISO 639-1 code
 * @param summary one to three sentences
 * @param tags IPTC Media Topic slugs
 * @param entities name and type of each entity
 * @param storyId the story the article belongs to; {@code null} in documents indexed
 * before stories
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HitSource(String id, String url, String title, String source, String author, Instant publishedAt,
		String language, String summary, List<String> tags, List<EntitySource> entities, String storyId) {

	/** The fields to ask Elasticsearch for. */
	public static final List<String> FIELDS = List.of("id", "url", "title", "source", "author", "publishedAt",
			"language", "summary", "tags", "entities.name", "entities.type", "storyId");

	/**
	 * The story the article stands for: documents indexed before stories are a story of
	 * their own.
	 * @return the story id, else the article id
	 */
	public String storyKey() {
		return (this.storyId != null) ? this.storyId : this.id;
	}

	/**
	 * The hit of an answer for a hit of Elasticsearch.
	 * @param hit a hit whose source holds {@link #FIELDS}
	 * @return the hit as the API shows it
	 */
	public static ArticleHit toHit(Hit<HitSource> hit) {
		HitSource source = hit.source();
		Map<String, List<String>> highlight = hit.highlight();
		List<ArticleHit.EntityRef> entities = (source.entities() != null) ? source.entities()
			.stream()
			.map((entity) -> new ArticleHit.EntityRef(entity.name(), entity.type()))
			.toList() : List.of();
		return new ArticleHit(source.id(), source.url(), source.title(), source.source(), source.author(),
				source.publishedAt(), source.language(), source.summary(),
				(source.tags() != null) ? source.tags() : List.of(), entities,
				new ArticleHit.Highlights(highlight.getOrDefault("title", List.of()),
						highlight.getOrDefault("text", List.of())),
				score(hit), null);
	}

	/**
	 * The hit's relevance; none when the hits were sorted without scoring (a story's
	 * articles, oldest first), which Elasticsearch reports as NaN.
	 */
	private static Double score(Hit<HitSource> hit) {
		Double score = hit.score();
		return (score != null && !score.isNaN()) ? score : null;
	}

	/**
	 * Name and type of an entity.
	 *
	 * @param name the entity's name
	 * @param type its type
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record EntitySource(String name, String type) {
	}

}
