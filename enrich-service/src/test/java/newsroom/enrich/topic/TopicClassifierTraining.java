package newsroom.enrich.topic;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import newsroom.enrich.analysis.Document;
import newsroom.enrich.analysis.Sentence;
import newsroom.enrich.analysis.Stems;
import newsroom.enrich.analysis.Token;
import newsroom.enrich.eval.AnnotatedNews;
import newsroom.enrich.eval.LabelledDocument;
import newsroom.enrich.nlp.NlpModels;
import newsroom.enrich.text.TextAnalyser;
import newsroom.enrich.text.WordRanks;
import newsroom.enrich.text.WordTokenizer;

/**
 * Trains the {@link TopicClassifier} (a command, not a test): a multinomial logistic
 * regression (AdaGrad, L2) over the labelled headlines and articles written for Newsroom
 * ({@code training/topics/topics-*.tsv}), the topic-labelled annotated news
 * ({@code training/entities}) and the IPTC Media Topic labels and definitions
 * ({@code training/topics/iptc-media-topics.tsv}, CC BY 4.0). Writes
 * {@code src/main/resources/models/topic-classifier.tsv.gz}. With {@code -Dfolds=5} it
 * cross-validates on the written items instead and writes nothing. The test set
 * ({@code src/test/resources/topics/headlines.tsv}) is never read here.
 *
 * <pre>
 * bench/enrich/run.sh newsroom.enrich.topic.TopicClassifierTraining [-Dfolds=5]
 * </pre>
 */
public final class TopicClassifierTraining {

	static final Path MODEL = Path.of("src", "main", "resources", "models", "topic-classifier.tsv.gz");

	static final Path FOLDER = Path.of("training", "topics");

	/** The 17 slugs of API.md, in the model's order. */
	static final List<String> TOPICS = List.of("arts-culture-entertainment", "conflict-war-peace", "crime-law-justice",
			"disaster-accident-emergency", "economy-business-finance", "education", "environment", "health",
			"human-interest", "labour", "lifestyle-leisure", "politics", "religion", "science-technology", "society",
			"sport", "weather");

	static final int EPOCHS = Integer.getInteger("epochs", 30);

	static final double L2 = Double.parseDouble(System.getProperty("l2", "0.0001"));

	static final double RATE = Double.parseDouble(System.getProperty("rate", "0.2"));

	/** IPTC definitions are short and formal: they count for less than an article. */
	static final double DEFINITION_WEIGHT = Double.parseDouble(System.getProperty("definitions", "0.5"));

	private TopicClassifierTraining() {
	}

	public static void main(String[] args) throws IOException {
		Featurizer featurizer = new Featurizer(NlpModels.load());
		List<Example> written = featurizer.items();
		List<Example> extra = new ArrayList<>(featurizer.news());
		extra.addAll(featurizer.definitions());
		int folds = Integer.getInteger("folds", 0);
		if (folds > 1) {
			crossValidate(written, extra, folds);
			return;
		}
		List<Example> all = new ArrayList<>(written);
		all.addAll(extra);
		Map<String, float[]> weights = train(all);
		write(weights, MODEL);
		System.out.printf(Locale.ROOT, "Trained on %d examples; wrote %s: %d features%n", all.size(), MODEL,
				weights.size());
	}

	private static void crossValidate(List<Example> written, List<Example> extra, int folds) {
		List<Example> shuffled = new ArrayList<>(written);
		Collections.shuffle(shuffled, new Random(7));
		int[] right = new int[2];
		int[] total = new int[2];
		for (int fold = 0; fold < folds; fold++) {
			List<Example> training = new ArrayList<>(extra);
			List<Example> held = new ArrayList<>();
			for (int i = 0; i < shuffled.size(); i++) {
				((i % folds == fold) ? held : training).add(shuffled.get(i));
			}
			TopicClassifier classifier = new TopicClassifier(TOPICS, train(training));
			for (Example example : held) {
				double[] probabilities = classifier.probabilities(example.features());
				int best = 0;
				for (int t = 1; t < probabilities.length; t++) {
					best = (probabilities[t] > probabilities[best]) ? t : best;
				}
				int kind = example.longText() ? 1 : 0;
				total[kind]++;
				right[kind] += (best == example.topic()) ? 1 : 0;
			}
		}
		System.out.printf(Locale.ROOT, "%d-fold cross-validation on written items: short %.3f (%d), long %.3f (%d)%n",
				folds, (double) right[0] / total[0], total[0], (double) right[1] / total[1], total[1]);
	}

	/**
	 * Softmax regression by AdaGrad with L2, in a fixed order for a reproducible model.
	 */
	static Map<String, float[]> train(List<Example> examples) {
		int k = TOPICS.size();
		Map<String, double[]> weights = new HashMap<>();
		Map<String, double[]> squares = new HashMap<>();
		List<Example> order = new ArrayList<>(examples);
		Random random = new Random(20261130);
		for (int epoch = 0; epoch < EPOCHS; epoch++) {
			Collections.shuffle(order, random);
			for (Example example : order) {
				double[] scores = new double[k];
				example.features().forEach((name, value) -> {
					double[] row = weights.get(name);
					if (row != null) {
						for (int t = 0; t < k; t++) {
							scores[t] += row[t] * value;
						}
					}
				});
				double[] probabilities = TopicClassifier.softmax(scores);
				example.features().forEach((name, value) -> {
					double[] row = weights.computeIfAbsent(name, (n) -> new double[k]);
					double[] square = squares.computeIfAbsent(name, (n) -> new double[k]);
					for (int t = 0; t < k; t++) {
						double target = (t == example.topic()) ? 1 : 0;
						double gradient = example.weight() * (probabilities[t] - target) * value + L2 * row[t];
						square[t] += gradient * gradient;
						row[t] -= RATE * gradient / Math.sqrt(square[t] + 1e-8);
					}
				});
			}
		}
		Map<String, float[]> result = new HashMap<>();
		weights.forEach((name, row) -> {
			float[] values = new float[k];
			boolean keep = false;
			for (int t = 0; t < k; t++) {
				values[t] = (float) row[t];
				keep |= Math.abs(row[t]) >= 1e-3;
			}
			if (keep) {
				result.put(name, values);
			}
		});
		return result;
	}

	static void write(Map<String, float[]> weights, Path file) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		try (OutputStream raw = Files.newOutputStream(file);
				Writer out = new OutputStreamWriter(new GZIPOutputStream(raw), StandardCharsets.UTF_8)) {
			out.write(String.join("\t", TOPICS) + "\n");
			for (String name : weights.keySet().stream().sorted().toList()) {
				StringBuilder line = new StringBuilder(name);
				for (float value : weights.get(name)) {
					line.append('\t').append(String.format(Locale.ROOT, "%.4f", value));
				}
				out.write(line.append('\n').toString());
			}
		}
	}

	/**
	 * One labelled text's features.
	 *
	 * @param features its features
	 * @param topic index of its topic in {@link #TOPICS}
	 * @param weight how much it counts
	 * @param longText whether it is an article rather than a headline and a sentence or
	 * two
	 */
	record Example(Map<String, Double> features, int topic, double weight, boolean longText) {
	}

	/** Reads the training texts and turns each into features as the service would. */
	static final class Featurizer {

		private final TextAnalyser text;

		private final TopicFeatures features;

		private final TopicLexicon lexicon;

		Featurizer(NlpModels models) {
			this.text = new TextAnalyser(models.englishSentences());
			this.features = new TopicFeatures(WordRanks.load());
			this.lexicon = TopicLexicon.load();
		}

		Example example(String title, String body, String topic, double weight) {
			Document document = new Document(title, body, "en");
			document.setLanguage("en");
			this.text.analyse(document);
			List<Sentence> sentences = document.body().isEmpty() ? document.sentences() : document.body();
			List<Token> titleTokens = WordTokenizer.tokenize(title, 0);
			List<List<Token>> bodyTokens = sentences.stream().map(Sentence::tokens).toList();
			Stems stems = new Stems();
			Map<String, Double> values = this.features.of(titleTokens, bodyTokens,
					this.lexicon.scores(titleTokens, bodyTokens, stems), stems);
			int index = TOPICS.indexOf(topic);
			if (index < 0) {
				throw new IllegalArgumentException("Unknown topic " + topic);
			}
			return new Example(values, index, weight, body.split("\\s+").length > 80);
		}

		/** The labelled headlines and articles of {@code topics-*.tsv}. */
		List<Example> items() throws IOException {
			List<Example> examples = new ArrayList<>();
			try (var files = Files.list(FOLDER)) {
				for (Path file : files.filter((f) -> f.getFileName().toString().startsWith("topics-"))
					.sorted()
					.toList()) {
					for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
						if (line.isBlank() || line.startsWith("#")) {
							continue;
						}
						String[] columns = line.split("\t");
						examples.add(example(columns[1], columns[2].replace(" ¶ ", "\n\n"), columns[0], 1.0));
					}
				}
			}
			return examples;
		}

		/** The annotated news, by the topic in each header. */
		List<Example> news() {
			List<Example> examples = new ArrayList<>();
			for (LabelledDocument document : AnnotatedNews.readFolder(AnnotatedNews.FOLDER)) {
				if (TOPICS.contains(document.topic())) {
					examples.add(example(document.title(), document.text(), document.topic(), 1.0));
				}
			}
			return examples;
		}

		/**
		 * The IPTC Media Topic labels and definitions, each a tiny document of its slug.
		 */
		List<Example> definitions() {
			try {
				List<Example> examples = new ArrayList<>();
				for (String line : Files.readAllLines(FOLDER.resolve("iptc-media-topics.tsv"),
						StandardCharsets.UTF_8)) {
					if (line.isBlank() || line.startsWith("#")) {
						continue;
					}
					String[] columns = line.split("\t");
					examples.add(example(columns[2], columns[3] + ".", columns[0], DEFINITION_WEIGHT));
				}
				return examples;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
