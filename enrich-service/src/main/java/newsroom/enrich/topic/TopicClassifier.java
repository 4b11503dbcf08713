package newsroom.enrich.topic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A multinomial logistic regression over {@link TopicFeatures}: one weight per feature
 * and topic, a softmax over the 17 IPTC Media Topic slugs. Trained by
 * {@code TopicClassifierTraining} on labelled headlines and articles written for Newsroom
 * and on the IPTC Media Topic labels and definitions (CC BY 4.0); the model
 * ({@code /models/topic-classifier.tsv.gz}) is plain data, read once and shared.
 */
public final class TopicClassifier {

	private static final String RESOURCE = "/models/topic-classifier.tsv.gz";

	private final List<String> topics;

	private final Map<String, float[]> weights;

	/**
	 * A classifier with given weights.
	 * @param topics the topic slugs, in the weights' order
	 * @param weights per feature, a weight per topic
	 */
	public TopicClassifier(List<String> topics, Map<String, float[]> weights) {
		this.topics = List.copyOf(topics);
		// A hash map: Map.copyOf's open addressing probes long on a table this size.
		this.weights = Collections.unmodifiableMap(new HashMap<>(weights));
	}

	/**
	 * Read the model shipped in the jar: a header line of topic slugs, then a line per
	 * feature with its weights, tab-separated.
	 * @return the classifier
	 */
	public static TopicClassifier load() {
		try (InputStream raw = TopicClassifier.class.getResourceAsStream(RESOURCE)) {
			if (raw == null) {
				throw new IllegalStateException(RESOURCE + " is not on the classpath");
			}
			BufferedReader reader = new BufferedReader(
					new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
			List<String> topics = List.of(reader.readLine().split("\t"));
			Map<String, float[]> weights = new HashMap<>();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String[] columns = line.split("\t");
				float[] row = new float[topics.size()];
				for (int t = 0; t < row.length; t++) {
					row[t] = Float.parseFloat(columns[t + 1]);
				}
				weights.put(columns[0], row);
			}
			return new TopicClassifier(topics, weights);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
	}

	/**
	 * The topic slugs, in the order of {@link #probabilities}.
	 * @return the slugs
	 */
	public List<String> topics() {
		return this.topics;
	}

	/**
	 * How likely each topic is.
	 * @param features the article's features
	 * @return a probability per topic, summing to one
	 */
	public double[] probabilities(Map<String, Double> features) {
		double[] scores = new double[this.topics.size()];
		features.forEach((name, value) -> {
			float[] row = this.weights.get(name);
			if (row != null) {
				for (int t = 0; t < scores.length; t++) {
					scores[t] += row[t] * value;
				}
			}
		});
		return softmax(scores);
	}

	/**
	 * Whether the text has any word the model knows: without one, no topic is evidenced.
	 * @param features the article's features
	 * @return {@code true} when some feature besides the bias has weights
	 */
	public boolean knows(Map<String, Double> features) {
		return features.keySet()
			.stream()
			.anyMatch((name) -> !name.equals(TopicFeatures.BIAS) && this.weights.containsKey(name));
	}

	static double[] softmax(double[] scores) {
		double max = Double.NEGATIVE_INFINITY;
		for (double score : scores) {
			max = Math.max(max, score);
		}
		double sum = 0;
		double[] probabilities = new double[scores.length];
		for (int t = 0; t < scores.length; t++) {
			probabilities[t] = Math.exp(scores[t] - max);
			sum += probabilities[t];
		}
		for (int t = 0; t < scores.length; t++) {
			probabilities[t] /= sum;
		}
		return probabilities;
	}

}
