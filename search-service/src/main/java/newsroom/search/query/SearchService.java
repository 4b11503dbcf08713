package newsroom.search.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import co.elastic.clients.elasticsearch.core.search.TotalHits;
import newsroom.search.config.SearchProperties;
import newsroom.search.index.ArticleHit;
import newsroom.search.index.HitSource;
import newsroom.search.parameter.CursorCodec;

import org.springframework.stereotype.Service;

/**
 * Runs an {@link ArticleSearch} against the alias: one request brings the page of hits,
 * their highlights, the facets and the daily counts behind the timeline; a search
 * collapsed by story goes through {@link CollapsedSearch}, with facets and timeline that
 * still count articles.
 */
@Service
class SearchService {

	private final SearchRequests requests;

	private final CollapsedSearch collapsed;

	private final CursorCodec cursors;

	private final SearchProperties.Query settings;

	SearchService(SearchRequests requests, CollapsedSearch collapsed, CursorCodec cursors,
			SearchProperties properties) {
		this.requests = requests;
		this.collapsed = collapsed;
		this.cursors = cursors;
		this.settings = properties.query();
	}

	SearchResponse search(ArticleSearch search) {
		if (search.collapse()) {
			CollapsedSearch.Page page = this.collapsed.page(search);
			long stories = page.aggregations().get("stories").cardinality().value()
					+ page.aggregations().get("withoutStory").missing().docCount();
			return toResponse(search, stories, page.hits(), page.next(), page.aggregations());
		}
		ResponseBody<HitSource> response = this.requests.send(this.requests.page(search), HitSource.class);
		List<Hit<HitSource>> hits = response.hits().hits();
		boolean more = hits.size() > search.size();
		List<Hit<HitSource>> page = more ? hits.subList(0, search.size()) : hits;
		TotalHits total = response.hits().total();
		return toResponse(search, (total != null) ? total.value() : page.size(),
				page.stream().map(HitSource::toHit).toList(), more ? page.get(page.size() - 1).sort() : null,
				response.aggregations());
	}

	private SearchResponse toResponse(ArticleSearch request, long total, List<ArticleHit> hits, List<FieldValue> next,
			Map<String, Aggregate> aggregations) {
		String nextCursor = (next != null) ? this.cursors.encode(request.sort(), next, request.fingerprint()) : null;
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
		return new SearchResponse(total, hits, facets, timeline.buckets(), nextCursor, timeline.interval().value());
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
