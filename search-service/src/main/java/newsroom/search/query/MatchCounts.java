package newsroom.search.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;

/**
 * The counts of a search over all its matching articles, as Elasticsearch's aggregations
 * gave them, before {@link SearchService} ranks the entities and rolls the days up.
 *
 * @param entities entity names with their type and the articles that mention them, each
 * type's best in Elasticsearch's order
 * @param tags the most frequent tags
 * @param sources the most frequent sources
 * @param languages the most frequent languages
 * @param days articles per day that has any, oldest first
 */
record MatchCounts(List<SearchResponse.EntityFacet> entities, List<SearchResponse.FacetValue> tags,
		List<SearchResponse.FacetValue> sources, List<SearchResponse.FacetValue> languages,
		List<SearchResponse.HistogramBucket> days) {

	MatchCounts {
		entities = List.copyOf(entities);
		tags = List.copyOf(tags);
		sources = List.copyOf(sources);
		languages = List.copyOf(languages);
		days = List.copyOf(days);
	}

	/**
	 * The counts in the typed client's aggregations (the scan of a collapsed search).
	 * @param aggregations the aggregations of {@link SearchRequests#scan}
	 * @return the counts
	 */
	static MatchCounts of(Map<String, Aggregate> aggregations) {
		Builder counts = new Builder();
		for (StringTermsBucket type : aggregations.get("entities")
			.nested()
			.aggregations()
			.get("types")
			.sterms()
			.buckets()
			.array()) {
			for (StringTermsBucket name : type.aggregations().get("names").sterms().buckets().array()) {
				counts.entity(name.key().stringValue(), type.key().stringValue(),
						name.aggregations().get("articles").reverseNested().docCount());
			}
		}
		aggregations.get("tags")
			.sterms()
			.buckets()
			.array()
			.forEach((b) -> counts.tag(b.key().stringValue(), b.docCount()));
		aggregations.get("sources")
			.sterms()
			.buckets()
			.array()
			.forEach((b) -> counts.source(b.key().stringValue(), b.docCount()));
		aggregations.get("languages")
			.sterms()
			.buckets()
			.array()
			.forEach((b) -> counts.language(b.key().stringValue(), b.docCount()));
		aggregations.get("histogram")
			.dateHistogram()
			.buckets()
			.array()
			.forEach((b) -> counts.day(b.keyAsString(), b.docCount()));
		return counts.build();
	}

	/**
	 * Collects the counts in the order Elasticsearch lists them.
	 */
	static final class Builder {

		private final List<SearchResponse.EntityFacet> entities = new ArrayList<>();

		private final List<SearchResponse.FacetValue> tags = new ArrayList<>();

		private final List<SearchResponse.FacetValue> sources = new ArrayList<>();

		private final List<SearchResponse.FacetValue> languages = new ArrayList<>();

		private final List<SearchResponse.HistogramBucket> days = new ArrayList<>();

		void entity(String name, String type, long articles) {
			this.entities.add(new SearchResponse.EntityFacet(name, type, articles));
		}

		void tag(String value, long count) {
			this.tags.add(new SearchResponse.FacetValue(value, count));
		}

		void source(String value, long count) {
			this.sources.add(new SearchResponse.FacetValue(value, count));
		}

		void language(String value, long count) {
			this.languages.add(new SearchResponse.FacetValue(value, count));
		}

		void day(String date, long count) {
			this.days.add(new SearchResponse.HistogramBucket(date, count));
		}

		MatchCounts build() {
			return new MatchCounts(this.entities, this.tags, this.sources, this.languages, this.days);
		}

	}

}
