package newsroom.enrich;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import newsroom.enrich.analysis.Enricher;
import newsroom.enrich.analysis.StageObserver;
import newsroom.enrich.nlp.NlpModels;

/**
 * Test fixtures: the OpenNLP models, loaded once per test JVM, and the shared sample
 * articles, read in place from {@code ../shared/samples} next to the repository (never
 * copied into it).
 */
public final class TestArticles {

	public static final String SAMPLE = "eastside-north-korea-troops.txt";

	public static final String SAMPLE_TITLE = "North Korea deploys troops to Russia";

	private TestArticles() {
	}

	public static NlpModels models() {
		return Models.INSTANCE;
	}

	public static Enricher enricher() {
		return Enrichers.standard(models(), StageObserver.NONE);
	}

	public static String sample(String name) {
		try {
			return Files.readString(samplePath(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The opening sentence of a sample, read from the file, for assertions that must not
	 * hold a copy of someone else's text.
	 * @param name the sample's file name
	 * @return its text up to the end of the first sentence
	 */
	public static String lead(String name) {
		String text = sample(name);
		int end = text.indexOf(". ");
		if (end < 0) {
			throw new IllegalStateException("Sample " + name + " has no sentence followed by another");
		}
		return text.substring(0, end + 1);
	}

	/**
	 * Surefire runs in the module folder, an IDE may run in the repository root: walk up
	 * until the repository root's sibling {@code shared/samples} holds the file.
	 */
	static Path samplePath(String name) {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("news-events"))) {
				Path sample = dir.resolve("..").resolve("shared").resolve("samples").resolve(name).normalize();
				if (Files.isRegularFile(sample)) {
					return sample;
				}
				throw new IllegalStateException("Sample " + sample + " is missing");
			}
		}
		throw new IllegalStateException("No repository root above " + Path.of("").toAbsolutePath());
	}

	private static final class Models {

		static final NlpModels INSTANCE = NlpModels.load();

	}

}
