package newsroom.bench.chaos;

/**
 * A fault the run injects, and when: at a fraction of the submission period, or as soon
 * after the previous fault as it can.
 *
 * @param kind what is done
 * @param at when, from 0 (the first submission) to 1 (the last)
 */
record Fault(Kind kind, double at) {

	/** The faults the chaos command knows. */
	enum Kind {

		/** enrich-service killed with SIGKILL mid-stream, then started again. */
		KILL_ENRICH("SIGKILL enrich-service, restart"),

		/** search-service killed with SIGKILL mid-stream, then started again. */
		KILL_SEARCH("SIGKILL search-service, restart"),

		/** Elasticsearch stopped for 20 s, then started again on its data. */
		STOP_ELASTICSEARCH("stop Elasticsearch 20 s, start"),

		/**
		 * The Kafka broker shut down and started again on its log folder and port, down
		 * long enough for ingest's sends to time out (503) and the clients to retry.
		 */
		RESTART_KAFKA("restart the Kafka broker, 15 s down"),

		/** Records that are not JSON, or not articles, on the raw and enriched topics. */
		POISON("poison records on both topics");

		private final String description;

		Kind(String description) {
			this.description = description;
		}

		String description() {
			return this.description;
		}

	}

}
