package newsroom.enrich;

import java.time.Clock;

import newsroom.enrich.analysis.Enricher;
import newsroom.enrich.config.EnrichProperties;
import newsroom.enrich.duplicate.DuplicateIndex;
import newsroom.enrich.entity.NameFinders;
import newsroom.enrich.nlp.NlpModels;
import newsroom.enrich.pipeline.EnrichMetrics;
import newsroom.enrich.pipeline.MicrometerStageObserver;
import newsroom.enrich.story.ArticleProfiler;
import newsroom.enrich.story.StoryIndex;
import newsroom.enrich.story.StoryScorer;
import newsroom.enrich.story.StoryWeights;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenNLP models and any name-finder models, read once at start-up, the enricher
 * built on them, the near-duplicate index and the story index, shared by the Kafka
 * listener threads and the HTTP endpoint.
 */
@Configuration(proxyBeanMethods = false)
class EnricherConfiguration {

	@Bean
	NlpModels nlpModels() {
		return NlpModels.load();
	}

	@Bean
	NameFinders nameFinders(EnrichProperties properties) {
		return (properties.entities().nameFinderModels() != null)
				? NameFinders.load(properties.entities().nameFinderModels()) : NameFinders.NONE;
	}

	@Bean
	Enricher enricher(NlpModels models, NameFinders nameFinders, EnrichMetrics metrics) {
		return Enrichers.standard(models, nameFinders, new MicrometerStageObserver(metrics));
	}

	@Bean
	ArticleProfiler articleProfiler() {
		return Enrichers.storyProfiler(StoryWeights.DEFAULT);
	}

	/**
	 * Filled from the fingerprint and story topics at start-up, before the listener runs.
	 */
	@Bean
	StoryIndex storyIndex(EnrichProperties properties, Clock clock) {
		EnrichProperties.Stories stories = properties.stories();
		StoryWeights weights = StoryWeights.DEFAULT.withThreshold(stories.threshold());
		return new StoryIndex(new StoryScorer(weights, stories.window()), stories.maxStories(), clock);
	}

	/** Filled from the fingerprint topic at start-up, before the listener runs. */
	@Bean
	DuplicateIndex duplicateIndex(EnrichProperties properties) {
		return new DuplicateIndex(properties.duplicates().maxDistance());
	}

}
