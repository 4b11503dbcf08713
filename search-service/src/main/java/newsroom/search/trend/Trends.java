package newsroom.search.trend;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.aggregations.TermsInclude;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import newsroom.search.elasticsearch.QueryClient;
import newsroom.search.index.NewsIndex;

import org.springframework.stereotype.Service;

/**
 * Entities on the rise: how many articles published in the last window mention each
 * entity, against the window before it. The entities most mentioned in the last window
 * are the candidates (a bounded number); their counts in the previous window are then
 * looked up exactly, and they are ranked by the rise.
 */
@Service
class Trends {

	/** Candidates per requested entity: a big rise usually comes with a high count. */
	static final int CANDIDATES_PER_ENTITY = 10;

	static final int MIN_CANDIDATES = 100;

	static final int MAX_CANDIDATES = 1000;

	private final QueryClient client;

	private final NewsIndex index;

	private final Clock clock;

	Trends(QueryClient client, NewsIndex index, Clock clock) {
		this.client = client;
		this.index = index;
		this.clock = clock;
	}

	/**
	 * Rank the rising entities.
	 * @param window the length of the window, ending now
	 * @param size how many entities to return at most
	 * @return the rising entities and the window
	 */
	TrendsResponse trends(Duration window, int size) {
		Instant to = this.clock.instant();
		Instant from = to.minus(window);
		Instant before = from.minus(window);
		int candidates = Math.min(MAX_CANDIDATES, Math.max(MIN_CANDIDATES, size * CANDIDATES_PER_ENTITY));
		Map<String, Count> current = counts(from, to, candidates, List.of());
		Map<String, Count> previous = current.isEmpty() ? Map.of()
				: counts(before, from, current.size(), List.copyOf(current.keySet()));
		List<TrendsResponse.TrendingEntity> rising = new ArrayList<>();
		current.forEach((name, count) -> {
			long previousCount = previous.containsKey(name) ? previous.get(name).articles() : 0;
			if (count.articles() > previousCount) {
				rising.add(new TrendsResponse.TrendingEntity(name, count.type(), count.articles(), previousCount));
			}
		});
		rising.sort(Comparator.comparingLong(TrendsResponse.TrendingEntity::rise)
			.reversed()
			.thenComparing(Comparator.comparingLong(TrendsResponse.TrendingEntity::count).reversed())
			.thenComparing(TrendsResponse.TrendingEntity::name));
		return new TrendsResponse(List.copyOf(rising.subList(0, Math.min(size, rising.size()))), from, to);
	}

	private Map<String, Count> counts(Instant from, Instant to, int size, List<String> only) {
		Query published = Query.of((query) -> query
			.range((range) -> range.date((date) -> date.field("publishedAt").gte(from.toString()).lt(to.toString()))));
		Aggregation names = Aggregation.of((agg) -> agg.terms((terms) -> {
			terms.field("entities.name").size(size);
			if (!only.isEmpty()) {
				terms.include(TermsInclude.of((include) -> include.terms(only)));
			}
			return terms;
		})
			.aggregations("types", (types) -> types.terms((terms) -> terms.field("entities.type").size(1)))
			// An article counts once, whatever it mentions.
			.aggregations("articles", (articles) -> articles.reverseNested((reverse) -> reverse)));
		SearchResponse<Void> response = this.client.read((elasticsearch) -> elasticsearch.search((search) -> search
			.index(this.index.alias())
			.timeout(this.client.timeout().time())
			.size(0)
			.query(published)
			.aggregations("entities",
					(entities) -> entities.nested((nested) -> nested.path("entities")).aggregations("names", names)),
				Void.class));
		Map<String, Count> counts = new HashMap<>();
		for (StringTermsBucket bucket : response.aggregations()
			.get("entities")
			.nested()
			.aggregations()
			.get("names")
			.sterms()
			.buckets()
			.array()) {
			List<StringTermsBucket> types = bucket.aggregations().get("types").sterms().buckets().array();
			String type = types.isEmpty() ? null : types.get(0).key().stringValue();
			long articles = bucket.aggregations().get("articles").reverseNested().docCount();
			counts.put(bucket.key().stringValue(), new Count(type, articles));
		}
		return counts;
	}

	private record Count(String type, long articles) {
	}

}
