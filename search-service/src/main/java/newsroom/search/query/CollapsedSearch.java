package newsroom.search.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import newsroom.search.index.ArticleHit;
import newsroom.search.index.HitSource;

import org.springframework.stereotype.Component;

/**
 * A page of a search collapsed by story ({@code collapse=story}): one hit per story, its
 * best matching article, with the story's size and sources.
 * <p>
 * Elasticsearch collapses a page on a field, but takes {@code search_after} with
 * collapsing only when the hits are sorted on the collapsed field itself. So the cursor
 * stays what it is without collapsing, a position in the ordered list of matching
 * articles, and a page is made of three requests: a scan of the next articles after the
 * cursor (only ids and stories); field collapsing on {@code storyId} over the same query,
 * restricted to the stories the scan met, which names each story's best article; and a
 * fetch of the page's articles (highlights, scores) with their stories' counts. An
 * article is shown when it is its story's best, so a story shows once across all pages,
 * exactly where its best article stands, and pages stay stable while new articles arrive,
 * as without collapsing. A page can be shorter than asked for, with a {@code nextCursor},
 * when a story has very many articles in a row (more than the scans of one page cover).
 */
@Component
class CollapsedSearch {

	/** Articles the first scan of a page reads at least. */
	static final int MIN_SCAN = 50;

	/** Most articles one scan reads; each scan of a page reads twice the one before. */
	static final int MAX_SCAN = 1000;

	/** Most scans for one page. */
	static final int MAX_SCANS = 5;

	private final SearchRequests requests;

	CollapsedSearch(SearchRequests requests) {
		this.requests = requests;
	}

	/**
	 * Find the page.
	 * @param search the search, with {@code collapse} set
	 * @return its hits, where the next page starts, and the aggregations of all matching
	 * articles
	 */
	Page page(ArticleSearch search) {
		int wanted = search.size() + 1;
		List<FieldValue> after = (search.cursor() != null) ? search.cursor().after() : null;
		Map<String, String> best = new HashMap<>();
		List<Hit<HitSource>> kept = new ArrayList<>();
		Map<String, Aggregate> aggregations = null;
		boolean end = false;
		int count = Math.max(MIN_SCAN, 2 * wanted);
		for (int scans = 0; scans < MAX_SCANS && kept.size() < wanted && !end; scans++) {
			ResponseBody<HitSource> scan = this.requests.send(this.requests.scan(search, after, count, scans == 0),
					HitSource.class);
			if (aggregations == null) {
				aggregations = scan.aggregations();
			}
			List<Hit<HitSource>> hits = scan.hits().hits();
			findBest(search, hits, best);
			for (Hit<HitSource> hit : hits) {
				after = hit.sort();
				if (isBest(hit.source(), best)) {
					kept.add(hit);
					if (kept.size() == wanted) {
						break;
					}
				}
			}
			end = hits.size() < count;
			count = Math.min(MAX_SCAN, 2 * count);
		}
		List<Hit<HitSource>> page = (kept.size() == wanted) ? kept.subList(0, search.size()) : kept;
		List<FieldValue> next = null;
		if (kept.size() == wanted) {
			next = page.get(page.size() - 1).sort();
		}
		else if (!end) {
			// The scans ended inside a long run of one story's articles: go on from
			// there.
			next = after;
		}
		return new Page(fetch(search, page), next, aggregations);
	}

	/** Learn the best article of every story of these hits not known yet. */
	private void findBest(ArticleSearch search, List<Hit<HitSource>> hits, Map<String, String> best) {
		Set<String> stories = new LinkedHashSet<>();
		for (Hit<HitSource> hit : hits) {
			String story = hit.source().storyId();
			if (story != null && !best.containsKey(story)) {
				stories.add(story);
			}
		}
		if (stories.isEmpty()) {
			return;
		}
		for (Hit<HitSource> hit : this.requests.send(this.requests.representatives(search, stories), HitSource.class)
			.hits()
			.hits()) {
			best.put(hit.source().storyId(), hit.source().id());
		}
	}

	/** Articles indexed before stories have none: each is a story of its own. */
	private static boolean isBest(HitSource article, Map<String, String> best) {
		return article.storyId() == null || article.id().equals(best.get(article.storyId()));
	}

	private List<ArticleHit> fetch(ArticleSearch search, List<Hit<HitSource>> page) {
		if (page.isEmpty()) {
			return List.of();
		}
		List<String> ids = page.stream().map((hit) -> hit.source().id()).toList();
		Set<String> stories = new LinkedHashSet<>();
		page.stream().map((hit) -> hit.source().storyId()).filter(Objects::nonNull).forEach(stories::add);
		ResponseBody<HitSource> fetched = this.requests.send(this.requests.fetch(search, ids, stories),
				HitSource.class);
		Map<String, Hit<HitSource>> byId = new HashMap<>();
		fetched.hits().hits().forEach((hit) -> byId.put(hit.source().id(), hit));
		Map<String, ArticleHit.StoryRef> facts = storyFacts(fetched.aggregations().get("storyFacts"));
		List<ArticleHit> hits = new ArrayList<>(ids.size());
		for (String id : ids) {
			// An article deleted since the scan is left out.
			Hit<HitSource> hit = byId.get(id);
			if (hit != null) {
				HitSource article = hit.source();
				ArticleHit.StoryRef story = facts.getOrDefault(article.storyKey(),
						new ArticleHit.StoryRef(article.storyKey(), 1, List.of(article.source())));
				hits.add(HitSource.toHit(hit).withStory(story));
			}
		}
		return hits;
	}

	private static Map<String, ArticleHit.StoryRef> storyFacts(Aggregate aggregate) {
		Map<String, ArticleHit.StoryRef> facts = new HashMap<>();
		Aggregate stories = aggregate.global().aggregations().get("page").filter().aggregations().get("stories");
		for (StringTermsBucket story : stories.sterms().buckets().array()) {
			List<String> sources = story.aggregations()
				.get("sources")
				.sterms()
				.buckets()
				.array()
				.stream()
				.map((source) -> source.key().stringValue())
				.toList();
			String id = story.key().stringValue();
			facts.put(id, new ArticleHit.StoryRef(id, story.docCount(), sources));
		}
		return facts;
	}

	/**
	 * A page of a collapsed search.
	 *
	 * @param hits one per story, in the search's order
	 * @param next the sort values to continue after, {@code null} on the last page
	 * @param aggregations facets, timeline and the count of stories over all matching
	 * articles
	 */
	record Page(List<ArticleHit> hits, List<FieldValue> next, Map<String, Aggregate> aggregations) {
	}

}
