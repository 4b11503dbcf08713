package newsroom.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Elasticsearch node's work folder: its data, logs, temporary files and own copy of
 * the configuration, owned by the node's unprivileged user when this JVM is root, and the
 * pid file that lets a later JVM stop a node a killed one left behind.
 */
final class NodeFolder {

	static final String PID_FILE = "elasticsearch.pid";

	private static final Logger logger = LoggerFactory.getLogger(NodeFolder.class);

	private NodeFolder() {
	}

	/**
	 * Makes the folders, copies the configuration when the folder is new, writes the
	 * security files when the node is secured, and hands it all to the node's user.
	 */
	static void prepare(Path workDir, Path home, String user, ElasticsearchSecurity security) {
		ElasticsearchDistribution.createReadableDirectories(workDir);
		try {
			for (String dir : List.of("data", "logs", "tmp")) {
				Files.createDirectories(workDir.resolve(dir));
			}
			Path config = workDir.resolve("config");
			if (!Files.isDirectory(config)) {
				copyConfig(home.resolve("config"), config);
			}
			if (security != null) {
				security.writeTo(config);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not prepare Elasticsearch work folder " + workDir, ex);
		}
		if (Processes.runningAsRoot()) {
			requireReachableByOthers(workDir, user);
			requireReachableByOthers(home, user);
			Processes.ensureSystemUser(user);
			Processes.changeOwner(workDir, user);
		}
	}

	private static void copyConfig(Path source, Path target) throws IOException {
		// Each node gets its own config folder: Elasticsearch writes its keystore there.
		Path staging = target.resolveSibling("config.tmp");
		Processes.deleteRecursively(staging);
		try (Stream<Path> files = Files.walk(source)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Path copy = staging.resolve(source.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(copy);
				}
				else {
					Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
	}

	/**
	 * Whether the node's user can walk down to a folder: always when this JVM is not root
	 * (the node runs as the same user), otherwise only when every existing folder above
	 * it is traversable by others (a folder under a mode-700 home like /root is not).
	 * @param path a folder for the node, existing or not
	 * @return the folder found on the way that others cannot traverse, empty when
	 * reachable
	 */
	static Optional<Path> unreachableByOthers(Path path) {
		if (!Processes.runningAsRoot()) {
			return Optional.empty();
		}
		try {
			for (Path dir = path.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
				if (Files.exists(dir)
						&& !Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
					return Optional.of(dir);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Optional.empty();
	}

	/**
	 * The node's user must be able to walk down to its folders; a folder under a mode-700
	 * home (like /root) would fail later with a far less helpful message.
	 */
	private static void requireReachableByOthers(Path path, String user) {
		unreachableByOthers(path).ifPresent((dir) -> {
			throw new IllegalStateException(path + " is not reachable by user " + user + " because " + dir
					+ " is not traversable by others; choose a folder outside it (for example under /var/tmp)");
		});
	}

	/**
	 * Stops a node left behind in a work folder by a JVM that died without its shutdown
	 * hook: it still holds the data folder lock and maybe the port.
	 * @param workDir the work folder whose pid file names the node
	 */
	static void stopStaleNode(Path workDir, Duration grace) {
		readPid(workDir).flatMap(ProcessHandle::of)
			.filter(ProcessHandle::isAlive)
			.filter((stale) -> stale.info().commandLine().map((line) -> line.contains("elasticsearch")).orElse(false))
			.ifPresent((stale) -> {
				logger.warn("Stopping stale Elasticsearch process {} of work folder {}", stale.pid(), workDir);
				Processes.terminate(stale, grace);
			});
		try {
			Files.deleteIfExists(workDir.resolve(PID_FILE));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Optional<Long> readPid(Path workDir) {
		Path pidFile = workDir.resolve(PID_FILE);
		try {
			return Optional.of(Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
