package newsroom.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throw-away folders for servers that live as long as one JVM (a test run), in a place
 * the Elasticsearch user can reach. Each is named after the JVM's pid, so a later JVM
 * removes what one that was killed left behind.
 */
public final class ScratchFolders {

	private static final Logger logger = LoggerFactory.getLogger(ScratchFolders.class);

	private static boolean swept;

	private ScratchFolders() {
	}

	/**
	 * A new empty folder for one server of this JVM.
	 * @param kind what the folder is for, such as {@code kafka}; part of its name
	 * @return the created folder
	 */
	public static synchronized Path create(String kind) {
		Path root = ElasticsearchDistribution.cacheRoot().resolve("test-servers");
		ElasticsearchDistribution.createReadableDirectories(root);
		if (!swept) {
			swept = true;
			sweepAbandoned(root);
		}
		Path folder = root.resolve(kind + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
		ElasticsearchDistribution.createReadableDirectories(folder);
		return folder;
	}

	private static void sweepAbandoned(Path root) {
		try (Stream<Path> folders = Files.list(root)) {
			folders.filter((folder) -> ownerPid(folder) > 0)
				.filter((folder) -> ProcessHandle.of(ownerPid(folder)).map((owner) -> !owner.isAlive()).orElse(true))
				.forEach((folder) -> {
					logger.info("Removing {} left by a JVM that is gone", folder);
					EmbeddedElasticsearch.stopStaleNode(folder);
					Processes.deleteRecursively(folder);
				});
		}
		catch (IOException ex) {
			logger.warn("Could not look for abandoned folders in {}", root, ex);
		}
	}

	private static long ownerPid(Path folder) {
		String[] parts = folder.getFileName().toString().split("-");
		try {
			return (parts.length > 2) ? Long.parseLong(parts[1]) : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
