package newsroom.search.index;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import newsroom.events.EnrichedArticle;
import newsroom.events.Entity;
import newsroom.events.EntityType;
import newsroom.events.Origin;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IndexDocumentTests {

	@Test
	void keepsEveryFieldOfTheArticle() {
		EnrichedArticle article = article("Ferry crews in Valmora strike over night shifts").withStoryId("s0");
		assertThat(IndexDocument.from(article).toArticle()).isEqualTo(article);
	}

	@Test
	void putsAnArticleWithoutAStoryInAStoryOfItsOwn() {
		EnrichedArticle written = article("Written before stories");
		assertThat(IndexDocument.from(written).storyId()).isEqualTo("a1");
		assertThat(IndexDocument.from(written.withStoryId(" ")).storyId()).isEqualTo("a1");
		assertThat(IndexDocument.from(written.withStoryId("s0")).storyId()).isEqualTo("s0");
	}

	@Test
	void suggestsEntityNamesByTypeAndTheTitle() {
		IndexDocument document = IndexDocument.from(article("Ferry crews in Valmora strike over night shifts"));
		assertThat(document.suggest()).extracting(IndexDocument.Suggestion::input)
			.containsExactly(List.of("Valmora"), List.of("Ines Halvorsen"),
					List.of("Ferry crews in Valmora strike over night shifts"));
		assertThat(document.suggest()).extracting((suggestion) -> suggestion.contexts().get(IndexDocument.KIND_CONTEXT))
			.containsExactly(List.of("LOCATION"), List.of("PERSON"), List.of("TITLE"));
		assertThat(document.suggest()).extracting(IndexDocument.Suggestion::weight).containsExactly(80, 1, 1);
	}

	@Test
	void replacesControlCharactersTheCompletionFieldReserves() {
		IndexDocument document = IndexDocument.from(article("Valmora\u001f ferry\u0000strike"));
		assertThat(document.suggest()).last()
			.satisfies((title) -> assertThat(title.input()).containsExactly("Valmora ferry strike"));
		// The title itself is indexed as it came.
		assertThat(document.title()).isEqualTo("Valmora\u001f ferry\u0000strike");
	}

	@Test
	void weighsEntitiesWithoutUsableSalienceLowest() {
		EnrichedArticle article = article("Title");
		EnrichedArticle broken = new EnrichedArticle(1, "a2", 1, null, null, "lakeside", "Title", "Text", null,
				article.publishedAt(), article.ingestedAt(), "en", "hash", Origin.API, null, "Text",
				List.of(new Entity("Nowhere", EntityType.LOCATION, 0, Double.NaN, null)), List.of(), List.of(), 1, 1,
				article.enrichedAt(), null);
		assertThat(IndexDocument.from(broken).suggest().get(0).weight()).isEqualTo(1);
		// The value itself is kept: Elasticsearch refuses it and the record is
		// dead-lettered rather than silently altered.
		assertThat(IndexDocument.from(broken).entities().get(0).salience()).isNaN();
	}

	@Test
	void leavesOutEmptySuggestions() {
		IndexDocument document = IndexDocument.from(article(" "));
		assertThat(document.suggest()).extracting(IndexDocument.Suggestion::input)
			.containsExactly(List.of("Valmora"), List.of("Ines Halvorsen"));
	}

	@Test
	void mapsEveryDocumentFieldStrictly() {
		TypeMapping mapping = NewsIndex.mappings();
		assertThat(mapping.dynamic()).isEqualTo(DynamicMapping.Strict);
		List<String> components = Arrays.stream(IndexDocument.class.getRecordComponents())
			.map(RecordComponent::getName)
			.toList();
		assertThat(mapping.properties()).containsOnlyKeys(components);
		Property entities = mapping.properties().get("entities");
		assertThat(entities.nested().includeInRoot()).isTrue();
		assertThat(entities.nested().properties())
			.containsOnlyKeys(Arrays.stream(IndexDocument.IndexedEntity.class.getRecordComponents())
				.map(RecordComponent::getName)
				.toList());
		assertThat(mapping.properties().get("suggest").isCompletion()).isTrue();
	}

	static EnrichedArticle article(String title) {
		return new EnrichedArticle(1, "a1", 1730455200000L, "https://lakeside.example/news/valmora-ferry-strike",
				"https://lakeside.example/news/valmora-ferry-strike", "lakeside", title,
				"Ferry crews in Valmora stopped every crossing to the outer islands.", "Mara Okonjo",
				Instant.parse("2024-11-01T10:00:00Z"), Instant.parse("2024-11-01T10:05:00Z"), "en", "hash", Origin.API,
				null, "Ferry crews in Valmora stopped every crossing to the outer islands.",
				List.of(new Entity("Valmora", EntityType.LOCATION, 3, 0.8, "NO"),
						new Entity("Ines Halvorsen", EntityType.PERSON, 1, 0.004, null)),
				List.of("labour", "economy-business-finance"), List.of("ferry crews", "strike"), 11, 1,
				Instant.parse("2024-11-01T10:06:00Z"), null);
	}

}
