package newsroom.search.index;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An article as the read endpoints list it (search, related articles, a story's
 * articles): what a result needs, with the passages that matched, never the whole text.
 *
 * @param id the article id
 * @param url where it was published
 * @param title the headline
 * @param source the publisher
 * @param author the byline, or {@code null}
 * @param publishedAt when it was published
 * @param language ISO 639-1 code
 * @param summary one to three sentences
 * @param tags IPTC Media Topic slugs
 * @param entities the entities it is about, most salient first
 * @param highlights matching passages, terms wrapped in {@code <em>}, other markup
 * escaped
 * @param score relevance to the query
 * @param story the story it stands for, only in searches collapsed by story (left out of
 * the JSON otherwise)
 */
public record ArticleHit(String id, String url, String title, String source, String author, Instant publishedAt,
		String language, String summary, List<String> tags, List<EntityRef> entities, Highlights highlights,
		Double score, @JsonInclude(JsonInclude.Include.NON_NULL) StoryRef story) {

	/**
	 * The same hit standing for its story.
	 * @param story the story's id, size and sources
	 * @return the hit with {@link #story()} set
	 */
	public ArticleHit withStory(StoryRef story) {
		return new ArticleHit(this.id, this.url, this.title, this.source, this.author, this.publishedAt, this.language,
				this.summary, this.tags, this.entities, this.highlights, this.score, story);
	}

	/**
	 * An entity of a hit.
	 *
	 * @param name the entity's name
	 * @param type PERSON, ORGANIZATION or LOCATION
	 */
	public record EntityRef(String name, String type) {
	}

	/**
	 * Highlighted passages of a hit.
	 *
	 * @param title the title with matches marked, or empty
	 * @param text fragments of the text with matches marked, or empty
	 */
	public record Highlights(List<String> title, List<String> text) {
	}

	/**
	 * The story a hit of a collapsed search stands for.
	 *
	 * @param id the story id (its first article's id)
	 * @param articleCount how many indexed articles the story holds, whatever the search
	 * matched
	 * @param sources the sources of those articles, the most frequent first
	 */
	public record StoryRef(String id, long articleCount, List<String> sources) {

		public StoryRef {
			sources = List.copyOf(sources);
		}

	}

}
