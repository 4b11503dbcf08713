package newsroom.enrich;

import newsroom.enrich.analysis.Enricher;
import newsroom.enrich.config.EnrichProperties;
import newsroom.enrich.duplicate.DuplicateIndex;
import newsroom.enrich.entity.NameFinders;
import newsroom.enrich.nlp.NlpModels;
import newsroom.enrich.pipeline.EnrichMetrics;
import newsroom.enrich.pipeline.MicrometerStageObserver;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenNLP models and any name-finder models, read once at start-up, the enricher
 * built on them and the near-duplicate index, shared by the Kafka listener threads and
 * the HTTP endpoint.
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

	/** Filled from the fingerprint topic at start-up, before the listener runs. */
	@Bean
	DuplicateIndex duplicateIndex(EnrichProperties properties) {
		return new DuplicateIndex(properties.duplicates().maxDistance());
	}

}
