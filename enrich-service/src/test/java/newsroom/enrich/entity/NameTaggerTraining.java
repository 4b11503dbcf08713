package newsroom.enrich.entity;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import newsroom.enrich.analysis.Document;
import newsroom.enrich.analysis.Sentence;
import newsroom.enrich.analysis.Token;
import newsroom.enrich.eval.AnnotatedNews;
import newsroom.enrich.eval.LabelledDocument;
import newsroom.enrich.eval.WikiGold;
import newsroom.enrich.nlp.NlpModels;
import newsroom.enrich.text.TextAnalyser;
import newsroom.enrich.text.WordRanks;

/**
 * Trains the {@link NameTagger} model (a command, not a test): an averaged perceptron
 * over the WikiGold dev part (articles 1–100, read in place from {@code ../shared/data})
 * and the annotated news written for Newsroom ({@code training/entities}), with the same
 * sentences, tokens, rules and features the service computes, decoded greedily as the
 * service decodes. Writes {@code src/main/resources/models/name-tagger.bin}.
 *
 * <pre>
 * bench/enrich/run.sh newsroom.enrich.entity.NameTaggerTraining [-Depochs=10] [-Dholdout=news-sport-arts.txt]
 * </pre>
 *
 * {@code -Dholdout} leaves one annotated file out (to measure on it), {@code -Dholdout=*}
 * all of them (WikiGold alone); {@code -Dwikigold=1-80} trains on part of the dev
 * articles (to study errors on the rest with {@code WikiGoldEvaluation -Dpart=81-100});
 * {@code -Dout} writes the model elsewhere. The WikiGold test part is never read here.
 */
public final class NameTaggerTraining {

	static final Path MODEL = Path.of("src", "main", "resources", "models", "name-tagger.bin");

	static final int EPOCHS = 10;

	/** Averaged weights smaller than this are dropped from the shipped model. */
	private static final float PRUNE = 0.02f;

	private NameTaggerTraining() {
	}

	public static void main(String[] args) throws IOException {
		int epochs = Integer.getInteger("epochs", EPOCHS);
		Path out = Path.of(System.getProperty("out", MODEL.toString()));
		List<LabelledDocument> documents = new ArrayList<>(WikiGold.dev(System.getProperty("wikigold", "1-100")));
		documents.addAll(news(System.getProperty("holdout", "")));
		Featurizer featurizer = new Featurizer(NlpModels.load());
		Map<Long, float[]> weights = train(featurizer.examples(documents), epochs, true);
		write(weights, out);
		print("Wrote %s: %d features (%d kB)", out, weights.size(), Files.size(out) / 1024);
	}

	/**
	 * The annotated news of {@code training/entities}, but a held-out file.
	 * @param holdout a file name to leave out, {@code *} to leave out all
	 * @return the documents
	 * @throws IOException when the folder cannot be read
	 */
	static List<LabelledDocument> news(String holdout) throws IOException {
		List<LabelledDocument> documents = new ArrayList<>();
		try (var files = Files.list(AnnotatedNews.FOLDER)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".txt")).sorted().toList()) {
				if (!file.getFileName().toString().equals(holdout) && !holdout.equals("*")) {
					documents.addAll(AnnotatedNews.read(file));
				}
			}
		}
		return documents;
	}

	/**
	 * Trains the averaged perceptron.
	 * @param examples per document, its sentences' examples
	 * @param epochs passes over the data
	 * @param verbose whether to print each epoch's training error
	 * @return the averaged weights, pruned
	 */
	static Map<Long, float[]> train(List<List<Example>> examples, int epochs, boolean verbose) {
		List<List<Example>> order = new ArrayList<>(examples);
		if (verbose) {
			int tokens = order.stream().flatMap(List::stream).mapToInt((e) -> e.gold().length).sum();
			print("Training on %d documents, %d tokens, %d epochs", order.size(), tokens, epochs);
		}
		TrainingWeights weights = new TrainingWeights();
		Random random = new Random(20261130);
		for (int epoch = 1; epoch <= epochs; epoch++) {
			Collections.shuffle(order, random);
			int errors = 0;
			int seen = 0;
			for (List<Example> document : order) {
				NameTagger.History history = new NameTagger.History();
				for (Example example : document) {
					int[] labels = NameTagger.decode(example.features(), history, weights, example.gold());
					for (int i = 0; i < labels.length; i++) {
						errors += (labels[i] != example.gold()[i]) ? 1 : 0;
					}
					seen += labels.length;
				}
			}
			if (verbose) {
				print("epoch %2d: %.4f of tokens mislabelled while training", epoch, (double) errors / seen);
			}
		}
		return weights.averaged();
	}

	/**
	 * A tagger that runs on weights in memory, as trained.
	 * @param weights averaged weights
	 * @return the tagger
	 */
	static NameTagger tagger(Map<Long, float[]> weights) {
		return new NameTagger((feature, scores) -> {
			float[] row = weights.get(feature);
			if (row != null) {
				for (int label = 0; label < scores.length; label++) {
					scores[label] += row[label];
				}
			}
		});
	}

	/**
	 * Writes weights in {@link NameTagger.CompactWeights}' format.
	 * @param weights averaged weights
	 * @param file the model file
	 * @throws IOException when it cannot be written
	 */
	static void write(Map<Long, float[]> weights, Path file) throws IOException {
		float largest = 0;
		for (float[] row : weights.values()) {
			for (float value : row) {
				largest = Math.max(largest, Math.abs(value));
			}
		}
		float scale = 32000f / largest;
		Files.createDirectories(file.toAbsolutePath().getParent());
		try (OutputStream raw = Files.newOutputStream(file);
				DataOutputStream out = new DataOutputStream(new GZIPOutputStream(raw, 1 << 16))) {
			out.writeInt(NameTagger.MAGIC);
			out.writeInt(NameTagger.LABELS.length);
			out.writeFloat(scale);
			out.writeInt(weights.size());
			for (Map.Entry<Long, float[]> entry : weights.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.toList()) {
				out.writeLong(entry.getKey());
				int present = 0;
				short[] values = new short[NameTagger.LABELS.length];
				for (int label = 0; label < values.length; label++) {
					values[label] = (short) Math.round(entry.getValue()[label] * scale);
					if (values[label] != 0) {
						present |= 1 << label;
					}
				}
				out.writeShort(present);
				for (short value : values) {
					if (value != 0) {
						out.writeShort(value);
					}
				}
			}
		}
	}

	private static void print(String format, Object... args) {
		System.out.println(String.format(Locale.ROOT, format, args));
	}

	/** A sentence's features and its gold labels. */
	record Example(NameTagger.SentenceFeatures features, int[] gold) {
	}

	/**
	 * Turns a labelled document into the tagger's examples the way the service sees an
	 * article: the text stage's sentences and tokens, the rules' mentions, the article's
	 * clues; gold labels from the marked spans.
	 */
	static final class Featurizer {

		private final TextAnalyser text;

		private final MentionFinder rules;

		private final TokenFeatures features;

		private final Gazetteer gazetteer;

		Featurizer(NlpModels models) {
			Gazetteer gazetteer = Gazetteer.load();
			WordRanks ranks = WordRanks.load();
			this.gazetteer = gazetteer;
			this.text = new TextAnalyser(models.englishSentences());
			this.rules = new MentionFinder(gazetteer, ranks);
			this.features = new TokenFeatures(gazetteer, ranks);
		}

		List<List<Example>> examples(List<LabelledDocument> documents) {
			return documents.stream().map(this::examples).toList();
		}

		List<Example> examples(LabelledDocument labelled) {
			Document document = new Document(labelled.title(), labelled.text(), "en");
			document.setLanguage("en");
			this.text.analyse(document);
			List<Sentence> sentences = document.sentences();
			List<Mention> ruleMentions = this.rules.find(sentences, new HashSet<>());
			Map<Integer, List<Mention>> bySentence = new HashMap<>();
			ruleMentions.forEach((m) -> bySentence.computeIfAbsent(m.sentence(), (k) -> new ArrayList<>()).add(m));
			ArticleClues clues = new ArticleClues(sentences, this.gazetteer);
			List<Example> examples = new ArrayList<>();
			for (int s = 0; s < sentences.size(); s++) {
				List<Token> tokens = sentences.get(s).tokens();
				if (tokens.isEmpty()) {
					continue;
				}
				examples.add(new Example(this.features.sentence(tokens, bySentence.getOrDefault(s, List.of()), clues),
						gold(tokens, labelled.names())));
			}
			return examples;
		}

		/**
		 * B where a token starts a marked name (or is its first token in this sentence),
		 * I inside.
		 */
		static int[] gold(List<Token> tokens, List<LabelledDocument.Name> names) {
			int[] labels = new int[tokens.size()];
			LabelledDocument.Name previous = null;
			for (int i = 0; i < tokens.size(); i++) {
				LabelledDocument.Name name = covering(names, tokens.get(i));
				if (name == null) {
					previous = null;
					continue;
				}
				int type = List.of(NameTagger.TYPES).indexOf(name.type());
				labels[i] = NameTagger.label(type, name != previous);
				previous = name;
			}
			return labels;
		}

		private static LabelledDocument.Name covering(List<LabelledDocument.Name> names, Token token) {
			for (LabelledDocument.Name name : names) {
				if (token.start() >= name.start() && token.start() < name.end()) {
					return name;
				}
			}
			return null;
		}

	}

	/**
	 * Perceptron weights while training, averaged over every token seen (the lazy update:
	 * a weight's running total catches up when it next changes).
	 */
	static final class TrainingWeights implements NameTagger.Weights {

		private final Map<Long, Row> rows = new HashMap<>();

		private int step;

		@Override
		public void addTo(long feature, float[] scores) {
			Row row = this.rows.get(feature);
			if (row != null) {
				for (int label = 0; label < scores.length; label++) {
					scores[label] += row.weights[label];
				}
			}
		}

		@Override
		public void next() {
			this.step++;
		}

		@Override
		public void update(long[] features, int gold, int predicted) {
			for (long feature : features) {
				Row row = this.rows.computeIfAbsent(feature, (f) -> new Row());
				row.change(gold, 1, this.step);
				row.change(predicted, -1, this.step);
			}
		}

		/**
		 * The averaged weights, without features whose weights all stay below
		 * {@link #PRUNE}.
		 */
		Map<Long, float[]> averaged() {
			Map<Long, float[]> averaged = new HashMap<>();
			for (Map.Entry<Long, Row> entry : this.rows.entrySet()) {
				float[] average = entry.getValue().average(this.step);
				boolean keep = false;
				for (float value : average) {
					keep |= Math.abs(value) >= PRUNE;
				}
				if (keep) {
					averaged.put(entry.getKey(), average);
				}
			}
			return averaged;
		}

		/** One feature's weights, running totals and when each last changed. */
		private static final class Row {

			private final float[] weights = new float[NameTagger.LABELS.length];

			private final double[] totals = new double[NameTagger.LABELS.length];

			private final int[] stamps = new int[NameTagger.LABELS.length];

			void change(int label, int delta, int step) {
				this.totals[label] += (double) (step - this.stamps[label]) * this.weights[label];
				this.stamps[label] = step;
				this.weights[label] += delta;
			}

			float[] average(int step) {
				float[] average = new float[this.weights.length];
				for (int label = 0; label < average.length; label++) {
					double total = this.totals[label] + (double) (step - this.stamps[label]) * this.weights[label];
					average[label] = (float) (total / step);
				}
				return average;
			}

		}

	}

}
