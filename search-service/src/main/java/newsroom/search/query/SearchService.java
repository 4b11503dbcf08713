package newsroom.search.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.SimpleQueryStringFlag;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import co.elastic.clients.elasticsearch.core.search.TotalHits;
import newsroom.search.config.SearchProperties;
import newsroom.search.elasticsearch.IndexUnavailableException;
import newsroom.search.elasticsearch.QueryClient;
import newsroom.search.index.IndexDocument;
import newsroom.search.index.NewsIndex;
import newsroom.search.parameter.InvalidParametersException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Runs an {@link ArticleSearch} against the alias: one request brings the page of hits,
 * their highlights, the facets and the daily counts behind the timeline. Every
 * aggregation has a fixed size, free text goes through {@code simple_query_string} with
 * only non-expanding operators, and Elasticsearch gets a deadline.
 */
@Service
class SearchService {

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

	private static final Logger logger = LoggerFactory.getLogger(SearchService.class);

	private final QueryClient client;

	private final NewsIndex index;

	private final CursorCodec cursors;

	private final SearchProperties.Query settings;

	SearchService(QueryClient client, NewsIndex index, CursorCodec cursors, SearchProperties properties) {
		this.client = client;
		this.index = index;
		this.cursors = cursors;
		this.settings = properties.query();
	}

	SearchResponse search(ArticleSearch search) {
		ResponseBody<HitSource> response;
		try {
			response = this.client.elasticsearch().search(build(search), HitSource.class);
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
		if (Boolean.TRUE.equals(response.timedOut())) {
			logger.warn("A search ran past its deadline of {}; the answer holds what was found by then",
					this.settings.timeout());
		}
		return toResponse(search, response);
	}

	SearchRequest build(ArticleSearch request) {
		return SearchRequest.of((search) -> {
			search.index(this.index.alias())
				.timeout(this.client.timeout().time())
				.query(query(request))
				// One more than asked for tells whether another page exists.
				.size(request.size() + 1)
				.trackTotalHits((track) -> track.enabled(true))
				.trackScores(true)
				.source((source) -> source.filter((filter) -> filter.includes(HitSource.FIELDS)))
				.sort(sort(request.sort()))
				.aggregations(aggregations());
			if (request.text() != null) {
				search.highlight((highlight) -> highlight.encoder(HighlighterEncoder.Html)
					.preTags("<em>")
					.postTags("</em>")
					.fields("title", (field) -> field.numberOfFragments(0))
					.fields("text", (field) -> field.fragmentSize(this.settings.fragmentSize())
						.numberOfFragments(this.settings.fragments())));
			}
			if (request.cursor() != null) {
				search.searchAfter(request.cursor().after());
			}
			return search;
		});
	}

	private static Query query(ArticleSearch request) {
		BoolQuery.Builder bool = new BoolQuery.Builder();
		if (request.text() != null) {
			bool.must((must) -> must.simpleQueryString((text) -> text.query(request.text())
				.fields(TEXT_FIELDS)
				.defaultOperator(Operator.And)
				.flags(FLAGS)));
		}
		// Entities and tags narrow (an article about all of them); an article has one
		// source, so sources widen.
		for (String entity : request.entities()) {
			bool.filter((filter) -> filter.term((term) -> term.field("entities.name").value(entity)));
		}
		for (String tag : request.tags()) {
			bool.filter((filter) -> filter.term((term) -> term.field("tags").value(tag)));
		}
		if (!request.sources().isEmpty()) {
			List<FieldValue> sources = request.sources().stream().map(FieldValue::of).toList();
			bool.filter((filter) -> filter
				.terms((terms) -> terms.field("source").terms((values) -> values.value(sources))));
		}
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
		return Query.of((query) -> query.bool(bool.build()));
	}

	private static List<SortOptions> sort(HitOrder order) {
		List<SortOptions> sort = new ArrayList<>();
		if (order == HitOrder.RELEVANCE) {
			sort.add(SortOptions.of((option) -> option.score((score) -> score.order(SortOrder.Desc))));
		}
		sort.add(SortOptions.of((option) -> option
			.field((field) -> field.field("publishedAt").order(SortOrder.Desc).missing(FieldValue.of("_last")))));
		sort.add(SortOptions.of((option) -> option.field((field) -> field.field("id").order(SortOrder.Asc))));
		return sort;
	}

	private Map<String, Aggregation> aggregations() {
		int size = this.settings.facetSize();
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

	private SearchResponse toResponse(ArticleSearch request, ResponseBody<HitSource> response) {
		List<Hit<HitSource>> hits = response.hits().hits();
		boolean more = hits.size() > request.size();
		List<Hit<HitSource>> page = more ? hits.subList(0, request.size()) : hits;
		String nextCursor = more ? this.cursors.encode(new Cursor(request.sort(), page.get(page.size() - 1).sort()),
				request.fingerprint()) : null;
		TotalHits total = response.hits().total();
		Map<String, Aggregate> aggregations = response.aggregations();
		SearchResponse.Facets facets = new SearchResponse.Facets(entityFacets(aggregations.get("entities")),
				termFacets(aggregations.get("tags")), termFacets(aggregations.get("sources")),
				termFacets(aggregations.get("languages")));
		List<SearchResponse.HistogramBucket> days = aggregations.get("histogram")
			.dateHistogram()
			.buckets()
			.array()
			.stream()
			.map((bucket) -> new SearchResponse.HistogramBucket(bucket.keyAsString(), bucket.docCount()))
			.toList();
		Timeline timeline = Timeline.of(days, this.settings.histogramMaxBuckets());
		return new SearchResponse((total != null) ? total.value() : page.size(),
				page.stream().map(HitSource::toResponseHit).toList(), facets, timeline.buckets(), nextCursor,
				timeline.interval().value());
	}

	private static List<SearchResponse.FacetValue> termFacets(Aggregate aggregate) {
		return aggregate.sterms()
			.buckets()
			.array()
			.stream()
			.map((bucket) -> new SearchResponse.FacetValue(bucket.key().stringValue(), bucket.docCount()))
			.toList();
	}

	private List<SearchResponse.EntityFacet> entityFacets(Aggregate aggregate) {
		List<SearchResponse.EntityFacet> facets = new ArrayList<>();
		for (StringTermsBucket type : aggregate.nested().aggregations().get("types").sterms().buckets().array()) {
			for (StringTermsBucket name : type.aggregations().get("names").sterms().buckets().array()) {
				long articles = name.aggregations().get("articles").reverseNested().docCount();
				facets
					.add(new SearchResponse.EntityFacet(name.key().stringValue(), type.key().stringValue(), articles));
			}
		}
		// Each type brought its own top values; the facet is the top of all of them.
		return facets.stream()
			.sorted(Comparator.comparingLong(SearchResponse.EntityFacet::count)
				.reversed()
				.thenComparing(SearchResponse.EntityFacet::value))
			.limit(this.settings.facetSize())
			.toList();
	}

}
