package newsroom.enrich;

import java.util.ArrayList;
import java.util.List;

import newsroom.enrich.analysis.Analyser;
import newsroom.enrich.analysis.Document;
import newsroom.enrich.analysis.Enricher;
import newsroom.enrich.entity.NameFinders;
import newsroom.enrich.nlp.NlpModels;
import newsroom.enrich.pipeline.EnrichMetrics;
import newsroom.enrich.pipeline.MicrometerStageObserver;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Fault injection for the integration tests: the service's enricher with a first stage
 * that fails on every article whose title starts with {@link #TITLE}, as a bug in an
 * analyser would on one unlucky input. Imported by {@link EnrichServiceIntegrationTest};
 * it carries no stereotype, so a service started from the test classpath (the crash test)
 * never picks it up.
 */
public final class PoisonArticles {

	/** The title prefix that makes enrichment fail. */
	public static final String TITLE = "POISON ";

	/** The reason the failing stage gives. */
	public static final String REASON = "Cannot analyse a poison article";

	@Bean
	@Primary
	Enricher poisonFailingEnricher(NlpModels models, NameFinders nameFinders, EnrichMetrics metrics) {
		List<Analyser> analysers = new ArrayList<>();
		analysers.add(new FailingAnalyser());
		analysers.addAll(Enrichers.analysers(models, nameFinders));
		return new Enricher(analysers, new MicrometerStageObserver(metrics));
	}

	private static final class FailingAnalyser implements Analyser {

		@Override
		public String name() {
			return "poison";
		}

		@Override
		public void analyse(Document document) {
			if (document.title().startsWith(TITLE)) {
				throw new IllegalArgumentException(REASON);
			}
		}

	}

}
