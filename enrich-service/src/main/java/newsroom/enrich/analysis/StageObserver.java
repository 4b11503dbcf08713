package newsroom.enrich.analysis;

/**
 * Told how long each analysis stage took, so that the service can time stages without the
 * analysers knowing about metrics.
 */
@FunctionalInterface
public interface StageObserver {

	/** An observer that ignores everything. */
	StageObserver NONE = (stage, nanos) -> {
	};

	/**
	 * Called after a stage completed normally.
	 * @param stage the {@link Analyser#name() stage name}
	 * @param nanos how long it took
	 */
	void stageCompleted(String stage, long nanos);

}
