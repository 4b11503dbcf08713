package newsroom.enrich.nlp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * Finds OpenNLP models on the classpath through the {@code model.properties} file every
 * {@code opennlp-models-*} jar carries, so that a model version bump needs no code
 * change. Models are read from the jars only; nothing is ever downloaded.
 */
final class ClasspathModels {

	private static final String DESCRIPTOR = "model.properties";

	private final ClassLoader classLoader;

	ClasspathModels(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	/**
	 * Read a model.
	 * @param <M> the model type
	 * @param resource which model
	 * @param reader builds the model from its bytes
	 * @return the model
	 */
	<M> M load(ModelResource resource, ModelReader<M> reader) {
		Located located = locate(resource);
		byte[] bytes = read(located.model());
		verify(resource, located, bytes);
		try (InputStream in = new ByteArrayInputStream(bytes)) {
			return reader.read(in);
		}
		catch (IOException ex) {
			throw new ModelNotFoundException("Cannot read OpenNLP model " + located.model(), ex);
		}
	}

	private Located locate(ModelResource resource) {
		for (URL descriptor : descriptors()) {
			Properties properties = new Properties();
			try (InputStream in = descriptor.openStream()) {
				properties.load(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + descriptor, ex);
			}
			String name = properties.getProperty("model.name", "");
			if (resource.matches(name, properties.getProperty("model.language", ""))) {
				return new Located(relative(descriptor, name), properties.getProperty("model.sha256"));
			}
		}
		throw new ModelNotFoundException("OpenNLP model " + resource
				+ " is not on the classpath: add org.apache.opennlp:" + resource.artifactId() + " to the dependencies");
	}

	private List<URL> descriptors() {
		try {
			return new ArrayList<>(Collections.list(this.classLoader.getResources(DESCRIPTOR)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + DESCRIPTOR + " resources", ex);
		}
	}

	private static URL relative(URL descriptor, String name) {
		try {
			// The model sits next to its descriptor at the root of the same jar.
			return new URL(descriptor, name);
		}
		catch (MalformedURLException ex) {
			throw new ModelNotFoundException("Cannot resolve " + name + " next to " + descriptor, ex);
		}
	}

	private static byte[] read(URL model) {
		try (InputStream in = model.openStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new ModelNotFoundException("Cannot read OpenNLP model " + model, ex);
		}
	}

	private static void verify(ModelResource resource, Located located, byte[] bytes) {
		if (located.sha256() == null) {
			return;
		}
		try {
			String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
			if (!actual.equalsIgnoreCase(located.sha256())) {
				throw new ModelNotFoundException("OpenNLP model " + resource + " at " + located.model()
						+ " does not match its declared SHA-256 " + located.sha256());
			}
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * Builds a model from a stream, as the OpenNLP model constructors do.
	 *
	 * @param <M> the model type
	 */
	@FunctionalInterface
	interface ModelReader<M> {

		M read(InputStream in) throws IOException;

	}

	private record Located(URL model, String sha256) {
	}

}
