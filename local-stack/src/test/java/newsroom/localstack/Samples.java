package newsroom.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the repository's sample folder and the shared scraped sample from a module's
 * working directory.
 */
final class Samples {

	private Samples() {
	}

	static Path repoRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("Not inside the Newsroom repository: " + Path.of("").toAbsolutePath());
		}
		return dir;
	}

	static Path repoSamples() {
		return repoRoot().resolve("samples");
	}

	static Path sharedSample() {
		return repoRoot().resolve("../shared/samples/eastside-north-korea-troops.txt").normalize();
	}

}
