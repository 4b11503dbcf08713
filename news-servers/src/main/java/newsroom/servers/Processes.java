package newsroom.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operating-system chores for child processes: who we run as, system users, ownership,
 * and starting and stopping processes.
 */
public final class Processes {

	private static final Logger logger = LoggerFactory.getLogger(Processes.class);

	/**
	 * Children get a parent-death signal (setpriv --pdeathsig) that Linux ties to the
	 * thread that forked them, so they are all forked from this thread, which lives as
	 * long as the JVM.
	 */
	private static final ExecutorService launcher = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "newsroom-process-launcher");
		thread.setDaemon(true);
		return thread;
	});

	private Processes() {
	}

	/**
	 * Whether this JVM runs as root, which Elasticsearch refuses to do.
	 * @return true for uid 0
	 */
	public static boolean runningAsRoot() {
		try {
			return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
			return false;
		}
	}

	static void removeShutdownHook(Thread hook) {
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (IllegalStateException ex) {
			// The JVM is already shutting down and runs the hook anyway.
		}
	}

	static boolean hasCommand(String name) {
		return Stream.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")
			.anyMatch((dir) -> Files.isExecutable(Path.of(dir, name)));
	}

	static Process launch(ProcessBuilder builder) throws IOException {
		try {
			return launcher.submit(builder::start).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while starting " + builder.command(), ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof IOException io) {
				throw io;
			}
			throw new IOException("Could not start " + builder.command(), ex.getCause());
		}
	}

	/**
	 * Creates an unprivileged system user (and its group) unless it exists. Another JVM
	 * may create it at the same moment, so the result is checked rather than useradd's
	 * exit code.
	 */
	static void ensureSystemUser(String user) {
		if (run(List.of("id", "-u", user)) == 0) {
			return;
		}
		run(List.of("useradd", "--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", user));
		if (run(List.of("id", "-u", user)) != 0) {
			throw new IllegalStateException("Could not create system user " + user + " (useradd needed)");
		}
		logger.info("Created system user {}", user);
	}

	static void changeOwner(Path path, String user) {
		if (run(List.of("chown", "-R", user + ":" + user, path.toString())) != 0) {
			throw new IllegalStateException("Could not hand " + path + " to " + user);
		}
	}

	/**
	 * Asks a process and everything it started to end, waiting for a clean exit before
	 * killing.
	 */
	static void terminate(ProcessHandle process, Duration grace) {
		List<ProcessHandle> descendants = process.descendants().toList();
		process.destroy();
		awaitExit(process, grace);
		for (ProcessHandle descendant : descendants) {
			awaitExit(descendant, grace);
		}
	}

	private static void awaitExit(ProcessHandle process, Duration grace) {
		try {
			process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			logger.warn("Process {} ignored SIGTERM for {}, killing it", process.pid(), grace);
			process.destroyForcibly();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
		catch (ExecutionException ex) {
			process.destroyForcibly();
		}
	}

	/**
	 * Deletes a file or folder tree, logging (not throwing) what could not be deleted.
	 * @param path the file or folder
	 */
	public static void deleteRecursively(Path path) {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> files = Files.walk(path)) {
			for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException | UncheckedIOException ex) {
			logger.warn("Could not delete {}", path, ex);
		}
	}

	static List<String> tail(Path file, int lines) {
		try {
			List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
			return all.subList(Math.max(0, all.size() - lines), all.size());
		}
		catch (IOException | UncheckedIOException ex) {
			return List.of("(no console log at " + file + ")");
		}
	}

	private static int run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return -1;
			}
			return process.exitValue();
		}
		catch (IOException ex) {
			logger.warn("Could not run {}", command, ex);
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

}
