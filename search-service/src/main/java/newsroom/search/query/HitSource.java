package newsroom.search.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of an indexed article a search hit shows; the body text stays in the index and
 * only its highlighted fragments come back.
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
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record HitSource(String id, String url, String title, String source, String author, Instant publishedAt,
		String language, String summary, List<String> tags, List<EntitySource> entities) {

	static final List<String> FIELDS = List.of("id", "url", "title", "source", "author", "publishedAt", "language",
			"summary", "tags", "entities.name", "entities.type");

	/**
	 * The hit of an answer (search or related articles) for a hit of Elasticsearch.
	 * @param hit a hit whose source holds {@link #FIELDS}
	 * @return the hit as the API shows it
	 */
	static SearchResponse.Hit toResponseHit(Hit<HitSource> hit) {
		HitSource source = hit.source();
		Map<String, List<String>> highlight = hit.highlight();
		List<SearchResponse.EntityRef> entities = (source.entities() != null) ? source.entities()
			.stream()
			.map((entity) -> new SearchResponse.EntityRef(entity.name(), entity.type()))
			.toList() : List.of();
		return new SearchResponse.Hit(source.id(), source.url(), source.title(), source.source(), source.author(),
				source.publishedAt(), source.language(), source.summary(),
				(source.tags() != null) ? source.tags() : List.of(), entities,
				new SearchResponse.Highlights(highlight.getOrDefault("title", List.of()),
						highlight.getOrDefault("text", List.of())),
				hit.score());
	}

	/**
	 * Name and type of an entity.
	 *
	 * @param name the entity's name
	 * @param type its type
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record EntitySource(String name, String type) {
	}

}
