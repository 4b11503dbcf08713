package newsroom.enrich.analysis;

/**
 * One stage of the enrichment: reads what earlier stages left on the {@link Document} and
 * adds its own findings. Implementations are shared between threads and must be safe for
 * concurrent use.
 */
public interface Analyser {

	/**
	 * Short stable name of the stage, used as a metric tag.
	 * @return the stage name, for example {@code language}
	 */
	String name();

	/**
	 * Analyse the document and record the findings on it.
	 * @param document the article being enriched
	 */
	void analyse(Document document);

}
