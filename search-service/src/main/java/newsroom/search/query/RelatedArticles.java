package newsroom.search.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import newsroom.search.elasticsearch.QueryClient;
import newsroom.search.index.ArticleHit;
import newsroom.search.index.HitSource;
import newsroom.search.index.NewsIndex;

import org.springframework.stereotype.Service;

/**
 * Articles about the same things as a given one: {@code more_like_this} over its
 * headline, summary and text, together with its most salient entities by exact name. The
 * article itself and its near-duplicates (the one it duplicates, the ones that duplicate
 * it, and the other duplicates of the same original) are left out: the reader has read
 * them already.
 */
@Service
class RelatedArticles {

	/** Text fields the article's wording is compared on. */
	static final List<String> LIKE_FIELDS = List.of("title", "summary", "text");

	/** Entities of the article that take part, most salient first. */
	static final int MAX_ENTITIES = 10;

	/**
	 * Words the standard analyzer keeps but that say nothing about a subject; the
	 * embedded node has no English analyzer to drop them.
	 */
	static final List<String> STOP_WORDS = List.of("a", "about", "after", "all", "also", "an", "and", "are", "as", "at",
			"be", "been", "before", "but", "by", "can", "could", "for", "from", "had", "has", "have", "he", "her",
			"his", "if", "in", "into", "is", "it", "its", "more", "not", "of", "on", "one", "or", "our", "said", "says",
			"she", "so", "than", "that", "the", "their", "them", "there", "these", "they", "this", "to", "two", "was",
			"we", "were", "what", "when", "which", "who", "will", "with", "would", "you");

	private final QueryClient client;

	private final NewsIndex index;

	RelatedArticles(QueryClient client, NewsIndex index) {
		this.client = client;
		this.index = index;
	}

	/**
	 * Find related articles.
	 * @param id the article to start from
	 * @param size how many to return at most
	 * @return the related articles, best first; empty when the article is unknown
	 */
	Optional<List<ArticleHit>> find(String id, int size) {
		GetResponse<Subject> subject = this.client
			.read((elasticsearch) -> elasticsearch.get((get) -> get.index(this.index.alias())
				.id(id)
				.sourceIncludes("entities.name", "entities.salience", "duplicateOf"), Subject.class));
		if (!subject.found() || subject.source() == null) {
			return Optional.empty();
		}
		List<Hit<HitSource>> hits = this.client
			.read((elasticsearch) -> elasticsearch.search(
					(search) -> search.index(this.index.alias())
						.timeout(this.client.timeout().time())
						.query(query(subject.index(), id, subject.source()))
						.size(size)
						.source((source) -> source.filter((filter) -> filter.includes(HitSource.FIELDS))),
					HitSource.class))
			.hits()
			.hits();
		return Optional.of(hits.stream().map(HitSource::toHit).toList());
	}

	static Query query(String concreteIndex, String id, Subject subject) {
		BoolQuery.Builder bool = new BoolQuery.Builder();
		bool.should((should) -> should.moreLikeThis((mlt) -> mlt.fields(LIKE_FIELDS)
			.like((like) -> like.document((document) -> document.index(concreteIndex).id(id)))
			// Small newsrooms have few articles: a term seen once is evidence enough.
			.minTermFreq(1)
			.minDocFreq(1)
			.minWordLength(3)
			.maxQueryTerms(25)
			.minimumShouldMatch("30%")
			.stopWords(STOP_WORDS)));
		List<Subject.EntityName> entities = new ArrayList<>(subject.entities());
		entities.sort(Comparator.comparingDouble(Subject.EntityName::salience).reversed());
		entities.stream()
			.filter((entity) -> entity.name() != null && !entity.name().isBlank())
			.limit(MAX_ENTITIES)
			.forEach((entity) -> bool.should((should) -> should.term((term) -> term.field("entities.name")
				.value(entity.name())
				.boost((float) (1 + 2 * Math.max(0, Math.min(1, entity.salience())))))));
		bool.minimumShouldMatch("1");
		bool.mustNot((not) -> not.ids((ids) -> ids.values(id)));
		bool.mustNot((not) -> not.term((term) -> term.field("duplicateOf").value(id)));
		if (subject.duplicateOf() != null && !subject.duplicateOf().isBlank()) {
			bool.mustNot((not) -> not.ids((ids) -> ids.values(subject.duplicateOf())));
			bool.mustNot((not) -> not.term((term) -> term.field("duplicateOf").value(subject.duplicateOf())));
		}
		return Query.of((query) -> query.bool(bool.build()));
	}

	/**
	 * What the query needs of the starting article.
	 *
	 * @param entities its entities' names and salience
	 * @param duplicateOf the article it near-duplicates, or {@code null}
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Subject(List<EntityName> entities, String duplicateOf) {

		Subject {
			entities = (entities != null) ? List.copyOf(entities) : List.of();
		}

		/**
		 * An entity's name and salience.
		 *
		 * @param name the name
		 * @param salience how central it is to the article, 0 to 1
		 */
		@JsonIgnoreProperties(ignoreUnknown = true)
		record EntityName(String name, double salience) {
		}

	}

}
