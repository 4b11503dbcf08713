package newsroom.search.suggest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.CompletionContext;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import co.elastic.clients.elasticsearch.core.search.Context;
import co.elastic.clients.elasticsearch.core.search.Suggestion;
import newsroom.events.EntityType;
import newsroom.search.config.QueryClient;
import newsroom.search.index.IndexDocument;
import newsroom.search.index.IndexUnavailableException;
import newsroom.search.index.NewsIndex;

import org.springframework.stereotype.Service;

/**
 * Completes what a person is typing into entity names and headlines, from the completion
 * field every indexed article carries. Entities and titles are asked for separately,
 * because the completion suggester gives one suggestion per article and an article's
 * headline would otherwise hide its entities; the two lists are merged without
 * duplicates, entities first with some room kept for titles.
 */
@Service
class Suggestions {

	static final String ENTITIES = "entities";

	static final String TITLES = "titles";

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
		SearchResponse<Void> response;
		try {
			response = this.client.elasticsearch()
				.search((search) -> search.index(this.index.alias())
					.timeout(this.client.timeout().time())
					.size(0)
					.source((source) -> source.fetch(false))
					.suggest((suggest) -> suggest.text(prefix)
						.suggesters(ENTITIES,
								(entities) -> entities.completion((completion) -> completion.field("suggest")
									.size(size)
									.skipDuplicates(true)
									.contexts(IndexDocument.KIND_CONTEXT, contexts(ENTITY_KINDS))))
						.suggesters(TITLES, (titles) -> titles.completion((completion) -> completion.field("suggest")
							.size(size)
							.skipDuplicates(true)
							.contexts(IndexDocument.KIND_CONTEXT, contexts(List.of(IndexDocument.TITLE_KIND)))))),
						Void.class);
		}
		catch (IOException ex) {
			throw new IndexUnavailableException(ex);
		}
		catch (ElasticsearchException ex) {
			throw new IndexUnavailableException(ex);
		}
		List<SuggestResponse.Suggestion> entities = options(response, ENTITIES, null);
		List<SuggestResponse.Suggestion> titles = options(response, TITLES, IndexDocument.TITLE_KIND);
		return merge(entities, titles, size);
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

	private static List<CompletionContext> contexts(List<String> kinds) {
		return kinds.stream()
			.map((kind) -> CompletionContext.of((context) -> context.context((value) -> value.category(kind))))
			.toList();
	}

	private static List<SuggestResponse.Suggestion> options(SearchResponse<Void> response, String name,
			String fixedType) {
		List<SuggestResponse.Suggestion> suggestions = new ArrayList<>();
		List<Suggestion<Void>> entries = response.suggest().getOrDefault(name, List.of());
		for (Suggestion<Void> entry : entries) {
			for (CompletionSuggestOption<Void> option : entry.completion().options()) {
				String type = (fixedType != null) ? fixedType : entityType(option);
				suggestions.add(new SuggestResponse.Suggestion(option.text(), type));
			}
		}
		return suggestions;
	}

	private static String entityType(CompletionSuggestOption<Void> option) {
		List<Context> kinds = option.contexts().getOrDefault(IndexDocument.KIND_CONTEXT, List.of());
		return kinds.stream()
			.filter(Context::isCategory)
			.map(Context::category)
			.filter(ENTITY_KINDS::contains)
			.findFirst()
			.orElse(EntityType.ORGANIZATION.name());
	}

}
