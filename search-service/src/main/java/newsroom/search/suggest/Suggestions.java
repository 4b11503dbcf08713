package newsroom.search.suggest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.CompletionContext;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import co.elastic.clients.elasticsearch.core.search.Suggestion;
import newsroom.events.EntityType;
import newsroom.search.elasticsearch.QueryClient;
import newsroom.search.index.IndexDocument;
import newsroom.search.index.NewsIndex;

import org.springframework.stereotype.Service;

/**
 * Completes what a person is typing into entity names and headlines, from the completion
 * field every indexed article carries. The completion suggester gives at most one
 * suggestion per article, so each kind (person, organization, location, headline) is
 * asked for separately: an article's headline or its most salient entity does not hide
 * its other entities. The lists are merged without duplicates, entities first (by
 * salience) with some room kept for headlines.
 */
@Service
class Suggestions {

	/** Suggester names; entity kinds are named after their type. */
	private static final List<String> ENTITY_KINDS = List.of(EntityType.PERSON.name(), EntityType.ORGANIZATION.name(),
			EntityType.LOCATION.name());

	private final QueryClient client;

	private final NewsIndex index;

	Suggestions(QueryClient client, NewsIndex index) {
		this.client = client;
		this.index = index;
	}

	/**
	 * Suggest completions.
	 * @param prefix what has been typed so far
	 * @param size how many suggestions to return at most
	 * @return the suggestions, best first
	 */
	List<SuggestResponse.Suggestion> suggest(String prefix, int size) {
		List<String> kinds = new ArrayList<>(ENTITY_KINDS);
		kinds.add(IndexDocument.TITLE_KIND);
		SearchResponse<Void> response = this.client
			.read((elasticsearch) -> elasticsearch.search((search) -> search.index(this.index.alias())
				.timeout(this.client.timeout().time())
				.size(0)
				.source((source) -> source.fetch(false))
				.suggest((suggest) -> {
					suggest.text(prefix);
					for (String kind : kinds) {
						suggest.suggesters(kind,
								(suggester) -> suggester.completion((completion) -> completion.field("suggest")
									.size(size)
									.skipDuplicates(true)
									.contexts(IndexDocument.KIND_CONTEXT, List.of(CompletionContext
										.of((context) -> context.context((value) -> value.category(kind)))))));
					}
					return suggest;
				}), Void.class));
		List<Scored> entities = new ArrayList<>();
		for (String kind : ENTITY_KINDS) {
			entities.addAll(options(response, kind));
		}
		// Weights are salience: the most central entities first, whatever their type.
		entities.sort(Comparator.comparingDouble(Scored::score).reversed());
		return merge(entities.stream().map(Scored::suggestion).toList(),
				options(response, IndexDocument.TITLE_KIND).stream().map(Scored::suggestion).toList(), size);
	}

	/**
	 * Entities first, titles after them, leaving a third of the places to titles when
	 * there are enough of both; a text offered twice (an entity that is also a headline)
	 * is offered once.
	 */
	static List<SuggestResponse.Suggestion> merge(List<SuggestResponse.Suggestion> entities,
			List<SuggestResponse.Suggestion> titles, int size) {
		int titlePlaces = Math.min(titles.size(), size / 3);
		int entityPlaces = Math.min(entities.size(), size - titlePlaces);
		Map<String, SuggestResponse.Suggestion> merged = new LinkedHashMap<>();
		for (SuggestResponse.Suggestion suggestion : entities.subList(0, entityPlaces)) {
			merged.putIfAbsent(suggestion.text().toLowerCase(Locale.ROOT), suggestion);
		}
		for (SuggestResponse.Suggestion suggestion : titles) {
			if (merged.size() >= size) {
				break;
			}
			merged.putIfAbsent(suggestion.text().toLowerCase(Locale.ROOT), suggestion);
		}
		return List.copyOf(merged.values());
	}

	private static List<Scored> options(SearchResponse<Void> response, String kind) {
		List<Scored> suggestions = new ArrayList<>();
		for (Suggestion<Void> entry : response.suggest().getOrDefault(kind, List.of())) {
			for (CompletionSuggestOption<Void> option : entry.completion().options()) {
				double score = (option.score() != null) ? option.score() : 0;
				suggestions.add(new Scored(new SuggestResponse.Suggestion(option.text(), kind), score));
			}
		}
		return suggestions;
	}

	private record Scored(SuggestResponse.Suggestion suggestion, double score) {
	}

}
