package newsroom.ingest.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The feed fixtures in {@code src/test/resources/feeds}: RSS 2.0, RSS 1.0 (RDF,
 * ISO-8859-1) and Atom 1.0, each with real-world mess.
 */
final class FeedFixtures {

	private FeedFixtures() {
	}

	static byte[] read(String name) {
		try (InputStream in = FeedFixtures.class.getResourceAsStream("/feeds/" + name)) {
			if (in == null) {
				throw new IllegalStateException("No fixture " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
