package newsroom.bench.pipeline;

import java.time.Duration;

/**
 * Bounds a run in time: past the limit the JVM exits with code 3, and the shutdown hooks
 * stop whatever the run started. Shared with the chaos command.
 */
public final class Watchdog {

	/** The exit code of a run that ran out of time. */
	public static final int TIMED_OUT = 3;

	private Watchdog() {
	}

	/**
	 * Start the watchdog (a daemon thread).
	 * @param limit how long the run may take
	 * @param console told when the limit is reached
	 */
	public static void start(Duration limit, Console console) {
		Thread watchdog = new Thread(() -> {
			try {
				Thread.sleep(limit.toMillis());
				console.log("Time limit of " + limit.toMinutes() + " min reached; stopping");
				System.exit(TIMED_OUT);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
	}

}
