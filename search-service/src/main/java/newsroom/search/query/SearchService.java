package newsroom.search.query;

import java.util.Comparator;
import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;
import newsroom.search.config.SearchProperties;
import newsroom.search.index.ArticleHit;
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
			return toResponse(search, stories, page.hits(), page.next(), MatchCounts.of(page.aggregations()));
		}
		PageReader.Page answer = this.requests.sendPage(this.requests.page(search));
		List<PageReader.Hit> hits = answer.hits();
		boolean more = hits.size() > search.size();
		List<PageReader.Hit> page = more ? hits.subList(0, search.size()) : hits;
		return toResponse(search, answer.total().orElse(page.size()),
				page.stream().map(PageReader.Hit::article).toList(), more ? page.get(page.size() - 1).sort() : null,
				answer.counts());
	}

	private SearchResponse toResponse(ArticleSearch request, long total, List<ArticleHit> hits, List<FieldValue> next,
			MatchCounts counts) {
		String nextCursor = (next != null) ? this.cursors.encode(request.sort(), next, request.fingerprint()) : null;
		SearchResponse.Facets facets = new SearchResponse.Facets(entityFacets(counts.entities()), counts.tags(),
				counts.sources(), counts.languages());
		Timeline timeline = Timeline.of(counts.days(), this.settings.histogramMaxBuckets());
		return new SearchResponse(total, hits, facets, timeline.buckets(), nextCursor, timeline.interval().value());
	}

	/** Each type brought its own top values; the facet is the top of all of them. */
	private List<SearchResponse.EntityFacet> entityFacets(List<SearchResponse.EntityFacet> candidates) {
		return candidates.stream()
			.sorted(Comparator.comparingLong(SearchResponse.EntityFacet::count)
				.reversed()
				.thenComparing(SearchResponse.EntityFacet::value))
			.limit(this.settings.facetSize())
			.toList();
	}

}
