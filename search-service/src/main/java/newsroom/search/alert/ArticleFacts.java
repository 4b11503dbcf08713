package newsroom.search.alert;

import java.util.HashSet;
import java.util.Set;

import newsroom.events.EnrichedArticle;
import newsroom.events.Entity;

/**
 * What the filters of an alert look at, read once per article.
 *
 * @param entities exact entity names
 * @param tags tag slugs
 * @param source the source
 * @param language the language code, or {@code null}
 */
record ArticleFacts(Set<String> entities, Set<String> tags, String source, String language) {

	static ArticleFacts of(EnrichedArticle article) {
		Set<String> entities = new HashSet<>();
		for (Entity entity : article.entities()) {
			entities.add(entity.name());
		}
		return new ArticleFacts(entities, new HashSet<>(article.tags()), article.source(), article.language());
	}

}
