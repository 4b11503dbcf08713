package newsroom.enrich.config;

import newsroom.enrich.Enrichers;
import newsroom.enrich.analysis.Enricher;
import newsroom.enrich.nlp.NlpModels;
import newsroom.enrich.pipeline.EnrichMetrics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenNLP models, read once at start-up, and the enricher built on them, shared by
 * the Kafka listener threads and the HTTP endpoint.
 */
@Configuration(proxyBeanMethods = false)
class NlpConfiguration {

	@Bean
	NlpModels nlpModels() {
		return NlpModels.load();
	}

	@Bean
	Enricher enricher(NlpModels models, EnrichMetrics metrics) {
		return Enrichers.standard(models, new MicrometerStageObserver(metrics));
	}

}
