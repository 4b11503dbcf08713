package newsroom.bench.pipeline.load;

import java.time.Duration;

/**
 * Waiting between polls. An interrupt means the run is being stopped: it ends the wait
 * with an exception rather than letting a polling loop spin on.
 */
public final class Pause {

	private Pause() {
	}

	/**
	 * Sleep.
	 * @param duration how long
	 * @throws IllegalStateException when interrupted
	 */
	public static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
