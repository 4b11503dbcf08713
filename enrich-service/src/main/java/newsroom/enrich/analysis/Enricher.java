package newsroom.enrich.analysis;

import java.util.List;
import java.util.Objects;

import newsroom.events.Enrichment;
import org.jspecify.annotations.Nullable;

/**
 * Turns an article's title and text into an {@link Enrichment} by running a fixed chain
 * of {@link Analyser analysers} in order. Plain Java, safe for concurrent use when its
 * analysers are.
 */
public final class Enricher {

	private final List<Analyser> analysers;

	private final StageObserver observer;

	/**
	 * Create an enricher.
	 * @param analysers the stages, in the order they run; later stages may read earlier
	 * stages' findings
	 * @param observer told how long each stage took
	 */
	public Enricher(List<? extends Analyser> analysers, StageObserver observer) {
		this.analysers = List.copyOf(analysers);
		this.observer = Objects.requireNonNull(observer, "observer");
	}

	/**
	 * Enrich one article.
	 * @param title the headline
	 * @param text the cleaned body
	 * @param language the language the sender claims (kept when it is a valid ISO 639
	 * code), or {@code null} to detect it
	 * @return what the analysers found
	 */
	public Enrichment enrich(String title, String text, @Nullable String language) {
		return analyse(title, text, language).enrichment();
	}

	/**
	 * Enrich one article, keeping what the pipeline needs beyond the enrichment.
	 * @param title the headline
	 * @param text the cleaned body
	 * @param language the language the sender claims, or {@code null} to detect it
	 * @return the enrichment and the article's near-duplicate fingerprint
	 */
	public Analysis analyse(String title, String text, @Nullable String language) {
		Document document = document(title, text, language);
		return new Analysis(document.toEnrichment(), document.fingerprint());
	}

	/**
	 * Run every stage over one article and keep all they found, for evaluations and tests
	 * that look beyond the enrichment (sentences, body, entity spans).
	 * @param title the headline
	 * @param text the cleaned body
	 * @param language the language the sender claims, or {@code null} to detect it
	 * @return the analysed document
	 */
	public Document document(String title, String text, @Nullable String language) {
		Document document = new Document(title, text, language);
		for (Analyser analyser : this.analysers) {
			long start = System.nanoTime();
			analyser.analyse(document);
			this.observer.stageCompleted(analyser.name(), System.nanoTime() - start);
		}
		return document;
	}

	/**
	 * The stage names, in the order they run.
	 * @return the stage names
	 */
	public List<String> stages() {
		return this.analysers.stream().map(Analyser::name).toList();
	}

}
