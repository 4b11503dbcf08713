package newsroom.search.story;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import newsroom.events.Story;
import newsroom.search.elasticsearch.Filters;
import newsroom.search.elasticsearch.IndexUnavailableException;
import newsroom.search.elasticsearch.QueryClient;
import newsroom.search.index.ArticleHit;
import newsroom.search.index.HitSource;
import newsroom.search.index.IndexDocument;
import newsroom.search.index.NewsIndex;
import newsroom.search.parameter.CursorCodec;
import newsroom.search.parameter.InvalidParametersException;

import org.springframework.stereotype.Service;

/**
 * Reads stories: pages of the stories index, filtered and ordered by size or recency, and
 * one story with its articles from the articles index. Every read carries the search
 * deadline; Elasticsearch being away is a 503.
 */
@Service
class Stories {

	/** Most articles a story's answer lists, oldest first. */
	static final int MAX_ARTICLES = 100;

	private static final List<SortOptions> OLDEST_FIRST = List.of(
			SortOptions.of((option) -> option
				.field((field) -> field.field("publishedAt").order(SortOrder.Asc).missing(FieldValue.of("_last")))),
			SortOptions.of((option) -> option.field((field) -> field.field("id").order(SortOrder.Asc))));

	private final QueryClient client;

	private final StoryIndex stories;

	private final NewsIndex articles;

	private final CursorCodec cursors;

	Stories(QueryClient client, StoryIndex stories, NewsIndex articles, CursorCodec cursors) {
		this.client = client;
		this.stories = stories;
		this.articles = articles;
		this.cursors = cursors;
	}

	/**
	 * A page of stories.
	 * @param query what to list
	 * @return the stories and the cursor of the next page
	 */
	StoriesResponse list(StoriesQuery query) {
		List<Hit<Story>> hits = page(query);
		boolean more = hits.size() > query.size();
		List<Hit<Story>> page = more ? hits.subList(0, query.size()) : hits;
		String nextCursor = more
				? this.cursors.encode(query.sort(), page.get(page.size() - 1).sort(), query.fingerprint()) : null;
		return new StoriesResponse(page.stream().map(Hit::source).map(StoriesResponse.Summary::of).toList(),
				nextCursor);
	}

	private List<Hit<Story>> page(StoriesQuery query) {
		SearchRequest request = SearchRequest.of((search) -> {
			search.index(this.stories.name())
				.timeout(this.client.timeout().time())
				.query((q) -> q.bool(filters(query)))
				// One more than asked for tells whether another page exists.
				.size(query.size() + 1)
				.trackTotalHits((track) -> track.enabled(false))
				.sort(sort(query.sort()));
			if (query.after() != null) {
				search.searchAfter(query.after());
			}
			return search;
		});
		try {
			return this.client.elasticsearch().search(request, Story.class).hits().hits();
		}
		catch (ElasticsearchException ex) {
			// Filters and dates are checked before; only a cursor's sort values reach
			// Elasticsearch unchecked (a cursor signed anew with the secret).
			if (ex.status() == 400 && query.after() != null) {
				throw InvalidParametersException.of("cursor", "cannot be used: " + ex.error().reason());
			}
			throw new IndexUnavailableException(ex);
		}
		catch (IOException ex) {
			throw new IndexUnavailableException(ex);
		}
	}

	/**
	 * One story with its articles.
	 * @param id the story id
	 * @return the story, empty when no snapshot of it arrived
	 */
	Optional<StoriesResponse.Detail> find(String id) {
		if (!IndexDocument.isUsableId(id)) {
			return Optional.empty();
		}
		GetResponse<Story> story = this.client
			.read((elasticsearch) -> elasticsearch.get((get) -> get.index(this.stories.name()).id(id), Story.class));
		if (!story.found() || story.source() == null) {
			return Optional.empty();
		}
		List<ArticleHit> hits = this.client
			.read((elasticsearch) -> elasticsearch.search((search) -> search.index(this.articles.alias())
				.timeout(this.client.timeout().time())
				.query((q) -> q.term((term) -> term.field("storyId").value(id)))
				.size(MAX_ARTICLES)
				.trackTotalHits((track) -> track.enabled(false))
				.source((source) -> source.filter((filter) -> filter.includes(HitSource.FIELDS)))
				.sort(OLDEST_FIRST), HitSource.class))
			.hits()
			.hits()
			.stream()
			.map(HitSource::toHit)
			.toList();
		return Optional.of(StoriesResponse.Detail.of(story.source(), hits));
	}

	/**
	 * Entities and tags narrow (a story about all of them); sources widen. A story is in
	 * a time range when one of its articles could be: it began before the range ended and
	 * went on until after it began.
	 */
	private static BoolQuery filters(StoriesQuery query) {
		BoolQuery.Builder bool = new BoolQuery.Builder();
		Filters.allOf(bool, "entities.name", query.entities());
		Filters.allOf(bool, "tags", query.tags());
		Filters.anyOf(bool, "sources", query.sources());
		if (query.from() != null) {
			bool.filter((filter) -> filter
				.range((range) -> range.date((date) -> date.field("lastSeenAt").gte(query.from().toString()))));
		}
		if (query.to() != null) {
			bool.filter((filter) -> filter.range((range) -> range
				.date((date) -> query.toExclusive() ? date.field("firstSeenAt").lt(query.to().toString())
						: date.field("firstSeenAt").lte(query.to().toString()))));
		}
		return bool.build();
	}

	private static List<SortOptions> sort(StoryOrder order) {
		List<SortOptions> sort = new ArrayList<>();
		if (order == StoryOrder.SIZE) {
			sort.add(SortOptions
				.of((option) -> option.field((field) -> field.field("articleCount").order(SortOrder.Desc))));
		}
		sort.add(SortOptions.of((option) -> option
			.field((field) -> field.field("lastSeenAt").order(SortOrder.Desc).missing(FieldValue.of("_last")))));
		sort.add(SortOptions.of((option) -> option.field((field) -> field.field("storyId").order(SortOrder.Asc))));
		return sort;
	}

}
