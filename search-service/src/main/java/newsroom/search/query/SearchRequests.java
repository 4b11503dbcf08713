package newsroom.search.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.SimpleQueryStringFlag;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import co.elastic.clients.transport.endpoints.BinaryEndpoint;
import co.elastic.clients.transport.endpoints.BinaryResponse;
import newsroom.search.config.SearchProperties;
import newsroom.search.elasticsearch.Filters;
import newsroom.search.elasticsearch.IndexUnavailableException;
import newsroom.search.elasticsearch.QueryClient;
import newsroom.search.index.HitSource;
import newsroom.search.index.IndexDocument;
import newsroom.search.index.NewsIndex;
import newsroom.search.parameter.InvalidParametersException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The Elasticsearch requests of a search, and their sending: every one runs the same
 * query (free text through {@code simple_query_string} with only non-expanding operators,
 * filters as filters) under a deadline, and every aggregation has a fixed size. A page of
 * articles is one request; a page collapsed by story is a scan, the stories' best
 * articles and a fetch ({@link CollapsedSearch}).
 */
@Component
class SearchRequests {

	/** The fields free text is matched against, headline first. */
	static final List<String> TEXT_FIELDS = IndexDocument.FREE_TEXT_FIELDS;

	/**
	 * The operators of {@code q}: quotes, {@code -}, {@code |}, {@code +}, parentheses,
	 * escapes and a trailing {@code *}. Fuzziness and slop are left out: they expand one
	 * term into many on the node.
	 */
	static final List<SimpleQueryStringFlag> FLAGS = List.of(SimpleQueryStringFlag.And, SimpleQueryStringFlag.Or,
			SimpleQueryStringFlag.Not, SimpleQueryStringFlag.Phrase, SimpleQueryStringFlag.Precedence,
			SimpleQueryStringFlag.Prefix, SimpleQueryStringFlag.Whitespace, SimpleQueryStringFlag.Escape);

	/** The field articles are collapsed on. */
	static final String STORY_FIELD = "storyId";

	/** Distinct stories are counted exactly up to this many (Elasticsearch's maximum). */
	static final int STORY_COUNT_PRECISION = 40_000;

	/** Most sources listed for the story of a collapsed hit. */
	static final int MAX_STORY_SOURCES = 100;

	/**
	 * The fields a scan for a collapsed page needs: where each article is, and its story.
	 */
	private static final List<String> SCAN_FIELDS = List.of("id", STORY_FIELD);

	private static final Logger logger = LoggerFactory.getLogger(SearchRequests.class);

	private static final List<SortOptions> BY_RELEVANCE = sortOptions(HitOrder.RELEVANCE);

	private static final List<SortOptions> NEWEST_FIRST = sortOptions(HitOrder.NEWEST);

	/** Search, answering the bytes Elasticsearch sent; its errors still as exceptions. */
	private static final BinaryEndpoint<SearchRequest> RAW_SEARCH = new BinaryEndpoint<>("es/search",
			SearchRequest._ENDPOINT::method, SearchRequest._ENDPOINT::requestUrl,
			SearchRequest._ENDPOINT::pathParameters, SearchRequests::withoutTypedKeys, SearchRequest._ENDPOINT::headers,
			true, null);

	private final QueryClient client;

	private final NewsIndex index;

	private final SearchProperties.Query settings;

	/** The facets and the timeline, the same for every search: built once. */
	private final Map<String, Aggregation> aggregations;

	private final Highlight highlight;

	SearchRequests(QueryClient client, NewsIndex index, SearchProperties properties) {
		this.client = client;
		this.index = index;
		this.settings = properties.query();
		this.aggregations = aggregations(this.settings.facetSize());
		this.highlight = Highlight.of((highlight) -> highlight.encoder(HighlighterEncoder.Html)
			.preTags("<em>")
			.postTags("</em>")
			.fields("title", (field) -> field.numberOfFragments(0))
			.fields("text", (field) -> field.fragmentSize(this.settings.fragmentSize())
				.numberOfFragments(this.settings.fragments())));
	}

	/**
	 * A page of articles with everything the answer shows: one more hit than asked for
	 * (it tells whether another page exists), highlights, facets and the timeline.
	 */
	SearchRequest page(ArticleSearch request) {
		return SearchRequest.of((search) -> {
			search.index(this.index.alias())
				.timeout(this.client.timeout().time())
				.query(query(request, List.of()))
				.size(request.size() + 1)
				.trackTotalHits((track) -> track.enabled(true))
				.trackScores(true)
				.source((source) -> source.filter((filter) -> filter.includes(HitSource.FIELDS)))
				.sort(sort(request.sort()))
				.aggregations(this.aggregations);
			highlight(search, request);
			if (request.cursor() != null) {
				search.searchAfter(request.cursor().after());
			}
			return search;
		});
	}

	/**
	 * The next matching articles in the search's order, with only their ids and stories;
	 * the first scan of a page also brings the facets, the timeline and the count of
	 * stories.
	 * @param after where to continue, {@code null} from the start
	 * @param count how many articles
	 * @param first whether it is the page's first scan
	 */
	SearchRequest scan(ArticleSearch request, List<FieldValue> after, int count, boolean first) {
		return SearchRequest.of((search) -> {
			search.index(this.index.alias())
				.timeout(this.client.timeout().time())
				.query(query(request, List.of()))
				.size(count)
				.trackTotalHits((track) -> track.enabled(false))
				.trackScores(true)
				.source((source) -> source.filter((filter) -> filter.includes(SCAN_FIELDS)))
				.sort(sort(request.sort()));
			if (first) {
				Map<String, Aggregation> aggregations = new HashMap<>(this.aggregations);
				aggregations.put("stories", Aggregation.of((agg) -> agg.cardinality(
						(cardinality) -> cardinality.field(STORY_FIELD).precisionThreshold(STORY_COUNT_PRECISION))));
				// Articles indexed before stories have no storyId: each is a story of its
				// own.
				aggregations.put("withoutStory",
						Aggregation.of((agg) -> agg.missing((missing) -> missing.field(STORY_FIELD))));
				search.aggregations(aggregations);
			}
			if (after != null) {
				search.searchAfter(after);
			}
			return search;
		});
	}

	/**
	 * The best matching article of each of the given stories, in the search's order:
	 * field collapsing on the story, over the same query, so the same scores decide.
	 */
	SearchRequest representatives(ArticleSearch request, Collection<String> stories) {
		return SearchRequest.of((search) -> search.index(this.index.alias())
			.timeout(this.client.timeout().time())
			.query(query(request, List.of(Filters.anyOf(STORY_FIELD, stories))))
			.collapse((collapse) -> collapse.field(STORY_FIELD))
			.size(stories.size())
			.trackTotalHits((track) -> track.enabled(false))
			.source((source) -> source.filter((filter) -> filter.includes(SCAN_FIELDS)))
			.sort(sort(request.sort())));
	}

	/**
	 * The articles of a collapsed page, with their highlights and scores (the same query
	 * restricted to them), and for each of their stories, all of its indexed articles
	 * counted by source whatever the search matched.
	 */
	SearchRequest fetch(ArticleSearch request, List<String> ids, Collection<String> stories) {
		Query chosen = Query.of((query) -> query.ids((idsQuery) -> idsQuery.values(ids)));
		Aggregation facts = Aggregation.of((global) -> global.global((g) -> g)
			.aggregations("page", (page) -> page.filter(Filters.anyOf(STORY_FIELD, stories))
				.aggregations("stories", (byStory) -> byStory
					.terms((terms) -> terms.field(STORY_FIELD).size(Math.max(1, stories.size())))
					.aggregations("sources",
							(sources) -> sources.terms((terms) -> terms.field("source").size(MAX_STORY_SOURCES))))));
		return SearchRequest.of((search) -> {
			search.index(this.index.alias())
				.timeout(this.client.timeout().time())
				.query(query(request, List.of(chosen)))
				.size(ids.size())
				.trackTotalHits((track) -> track.enabled(false))
				.trackScores(true)
				.source((source) -> source.filter((filter) -> filter.includes(HitSource.FIELDS)))
				.aggregations("storyFacts", facts);
			highlight(search, request);
			return search;
		});
	}

	/**
	 * Send a request of this search.
	 * @throws IndexUnavailableException when Elasticsearch cannot answer now
	 * @throws InvalidParametersException when Elasticsearch refuses the query itself
	 */
	<T> ResponseBody<T> send(SearchRequest request, Class<T> type) {
		ResponseBody<T> response = perform((elasticsearch) -> elasticsearch.search(request, type));
		warnWhenTimedOut(response.timedOut());
		return response;
	}

	/**
	 * Send the request of a page ({@link #page}) and read the answer's JSON as it comes,
	 * without the typed client's model of it.
	 * @throws IndexUnavailableException when Elasticsearch cannot answer now
	 * @throws InvalidParametersException when Elasticsearch refuses the query itself
	 */
	PageReader.Page sendPage(SearchRequest request) {
		PageReader.Page page = perform((elasticsearch) -> {
			try (BinaryResponse response = elasticsearch._transport()
				.performRequest(request, RAW_SEARCH, elasticsearch._transportOptions())) {
				return PageReader.read(response.content());
			}
		});
		warnWhenTimedOut(page.timedOut());
		return page;
	}

	private <T> T perform(QueryClient.Read<T> send) {
		try {
			return send.using(this.client.elasticsearch());
		}
		catch (IOException ex) {
			throw new IndexUnavailableException(ex);
		}
		catch (ElasticsearchException ex) {
			if (ex.status() >= 500 || ex.status() == 429 || ex.status() == 404) {
				throw new IndexUnavailableException(ex);
			}
			logger.warn("Elasticsearch refused a search: {}", ex.getMessage());
			throw InvalidParametersException.of("q", "cannot be run: " + ex.error().reason());
		}
	}

	private void warnWhenTimedOut(Boolean timedOut) {
		if (Boolean.TRUE.equals(timedOut)) {
			logger.warn("A search ran past its deadline of {}; the answer holds what was found by then",
					this.settings.timeout());
		}
	}

	/**
	 * The typed client's query parameters of a search without {@code typed_keys}, which
	 * it asks for only to pick a class for each aggregation: the aggregations keep the
	 * names the request gave them.
	 */
	private static Map<String, String> withoutTypedKeys(SearchRequest request) {
		Map<String, String> parameters = new HashMap<>(SearchRequest._ENDPOINT.queryParameters(request));
		parameters.remove("typed_keys");
		return parameters;
	}

	private void highlight(SearchRequest.Builder search, ArticleSearch request) {
		if (request.text() != null) {
			search.highlight(this.highlight);
		}
	}

	/**
	 * The search's query; extra filters narrow it without changing any score, so that the
	 * requests of one collapsed page agree on the order of the articles.
	 */
	private static Query query(ArticleSearch request, List<Query> extraFilters) {
		BoolQuery.Builder bool = new BoolQuery.Builder();
		if (request.text() != null) {
			bool.must((must) -> must.simpleQueryString((text) -> text.query(request.text())
				.fields(TEXT_FIELDS)
				.defaultOperator(Operator.And)
				.flags(FLAGS)));
		}
		// Entities and tags narrow (an article about all of them); an article has one
		// source, so sources widen.
		Filters.allOf(bool, "entities.name", request.entities());
		Filters.allOf(bool, "tags", request.tags());
		Filters.anyOf(bool, "source", request.sources());
		if (request.language() != null) {
			bool.filter((filter) -> filter.term((term) -> term.field("language").value(request.language())));
		}
		if (request.from() != null || request.to() != null) {
			bool.filter((filter) -> filter.range((range) -> range.date((date) -> {
				date.field("publishedAt");
				if (request.from() != null) {
					date.gte(request.from().toString());
				}
				if (request.to() != null) {
					if (request.toExclusive()) {
						date.lt(request.to().toString());
					}
					else {
						date.lte(request.to().toString());
					}
				}
				return date;
			})));
		}
		extraFilters.forEach(bool::filter);
		return Query.of((query) -> query.bool(bool.build()));
	}

	private static List<SortOptions> sort(HitOrder order) {
		return (order == HitOrder.RELEVANCE) ? BY_RELEVANCE : NEWEST_FIRST;
	}

	private static List<SortOptions> sortOptions(HitOrder order) {
		List<SortOptions> sort = new ArrayList<>();
		if (order == HitOrder.RELEVANCE) {
			sort.add(SortOptions.of((option) -> option.score((score) -> score.order(SortOrder.Desc))));
		}
		sort.add(SortOptions.of((option) -> option
			.field((field) -> field.field("publishedAt").order(SortOrder.Desc).missing(FieldValue.of("_last")))));
		sort.add(SortOptions.of((option) -> option.field((field) -> field.field("id").order(SortOrder.Asc))));
		return List.copyOf(sort);
	}

	private static Map<String, Aggregation> aggregations(int size) {
		return Map.of("tags", terms("tags", size), "sources", terms("source", size), "languages",
				terms("language", size), "entities",
				Aggregation.of((agg) -> agg.nested((nested) -> nested.path("entities"))
					.aggregations("types",
							(types) -> types.terms((terms) -> terms.field("entities.type").size(3))
								.aggregations("names",
										(names) -> names.terms((terms) -> terms.field("entities.name").size(size))
											// An article counts once even if it names the
											// entity twice.
											.aggregations("articles",
													(articles) -> articles.reverseNested((reverse) -> reverse))))),
				"histogram",
				Aggregation.of((agg) -> agg.dateHistogram((histogram) -> histogram.field("publishedAt")
					.calendarInterval(CalendarInterval.Day)
					.format("yyyy-MM-dd")
					.timeZone("UTC")
					// Only days with articles: a stray 1970 date must not produce
					// fifty years of empty buckets. So the buckets are at most the
					// days that have articles; Timeline rolls long spans up.
					.minDocCount(1))));
	}

	private static Aggregation terms(String field, int size) {
		return Aggregation.of((agg) -> agg.terms((terms) -> terms.field(field).size(size)));
	}

}
