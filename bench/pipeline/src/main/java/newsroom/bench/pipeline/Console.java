package newsroom.bench.pipeline;

import java.util.Locale;

/**
 * The command's output: progress lines with the time since the start. Shared with the
 * chaos command ({@code bench/chaos}).
 */
public final class Console {

	private final long start = System.nanoTime();

	/**
	 * Print a line with the elapsed time.
	 * @param message the line
	 */
	@SuppressWarnings("java:S106")
	public synchronized void log(String message) {
		long seconds = (System.nanoTime() - this.start) / 1_000_000_000L;
		// A command-line tool: standard output is its interface.
		System.out.printf(Locale.ROOT, "[%02d:%02d:%02d] %s%n", seconds / 3600, seconds / 60 % 60, seconds % 60,
				message);
		System.out.flush();
	}

}
