package newsroom.bench.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A run's folder for the servers' data, the logs and scratch files: under
 * {@code /var/tmp} and traversable by others, so that Elasticsearch's own user (the node
 * runs as {@code newsroom-es} when the run is root) can reach its data. Shared with the
 * chaos command.
 */
public final class WorkFolder {

	private WorkFolder() {
	}

	/**
	 * Create a new, empty folder.
	 * @param prefix the start of its name, e.g. {@code newsroom-bench-abc12-}
	 * @return the folder
	 */
	public static Path create(String prefix) {
		try {
			Path work = Files.createTempDirectory(Path.of("/var/tmp"), prefix);
			Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
			return work;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Delete a folder and everything in it, as far as possible.
	 * @param folder the folder
	 */
	public static void delete(Path folder) {
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// Left for the system's temporary-file cleaning.
		}
	}

}
