package newsroom.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the shared sample articles, which live outside the repository in
 * {@code ../shared/samples} relative to the repository root. Found by walking up from the
 * working directory, so it works from the module and from the root; the system property
 * {@code newsroom.samples.dir} overrides it.
 */
public final class Samples {

	public static final String NORTH_KOREA_TROOPS = "eastside-north-korea-troops.txt";

	private Samples() {
	}

	public static String read(String name) {
		try {
			return Files.readString(path(name), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static Path path(String name) {
		String configured = System.getProperty("newsroom.samples.dir");
		if (configured != null) {
			return Path.of(configured).resolve(name);
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("shared").resolve("samples").resolve(name);
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("Sample " + name + " not found in shared/samples beside any folder above "
				+ Path.of("").toAbsolutePath() + "; set -Dnewsroom.samples.dir");
	}

}
