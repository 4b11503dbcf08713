package newsroom.enrich.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import newsroom.enrich.analysis.Document;
import newsroom.enrich.analysis.Sentence;
import newsroom.enrich.language.LanguageAnalyser;
import newsroom.enrich.nlp.NlpModels;
import newsroom.enrich.summary.SummaryAnalyser;
import newsroom.enrich.text.TextAnalyser;

/**
 * The summary evaluation command (not a test): compares the summary methods with the
 * lead-3 baseline (the first three sentences, as they come) on the reference summaries of
 * {@code dev-set/summaries.jsonl}, by ROUGE-1 and ROUGE-2 F1 (lower-case words, no
 * stemming), averaged over the articles. Those references were written for Newsroom: no
 * news set with reference summaries written by others was found whose licence allows it
 * and that this machine can reach (the well-known ones are reserved for independent
 * checks), so the service ships {@code LEAD}, which no method here has been shown to beat
 * on independent text.
 *
 * <pre>
 * bench/enrich/run.sh newsroom.enrich.eval.SummaryEvaluation
 * </pre>
 */
public final class SummaryEvaluation {

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

	private SummaryEvaluation() {
	}

	public static void main(String[] args) {
		List<DevSet.Summarised> articles = DevSet.read("summaries.jsonl", DevSet.Summarised.class);
		NlpModels models = NlpModels.load();
		LanguageAnalyser language = new LanguageAnalyser(models.languageDetector());
		TextAnalyser text = new TextAnalyser(models.englishSentences());
		Map<String, Function<Document, String>> methods = new LinkedHashMap<>();
		methods.put("lead-3 baseline",
				(document) -> String.join(" ", document.sentences().stream().limit(3).map(Sentence::text).toList()));
		for (SummaryAnalyser.Method method : SummaryAnalyser.Method.values()) {
			SummaryAnalyser analyser = new SummaryAnalyser(method);
			methods.put(method.name(), (document) -> {
				analyser.analyse(document);
				return document.summary();
			});
		}
		print(String.format(Locale.ROOT, "%d articles with reference summaries", articles.size()));
		print(String.format(Locale.ROOT, "%-16s %9s %9s %10s", "method", "ROUGE-1 F", "ROUGE-2 F", "avg chars"));
		methods.forEach((name, method) -> {
			double rouge1 = 0;
			double rouge2 = 0;
			double chars = 0;
			for (DevSet.Summarised article : articles) {
				Document document = new Document(article.title(), article.text(), "en");
				language.analyse(document);
				text.analyse(document);
				String summary = method.apply(document);
				rouge1 += rouge(summary, article.reference(), 1);
				rouge2 += rouge(summary, article.reference(), 2);
				chars += summary.length();
			}
			print(String.format(Locale.ROOT, "%-16s %9.3f %9.3f %10.0f", name, rouge1 / articles.size(),
					rouge2 / articles.size(), chars / articles.size()));
		});
	}

	/** ROUGE-N F1 with clipped n-gram counts. */
	static double rouge(String candidate, String reference, int n) {
		Map<String, Integer> found = ngrams(candidate, n);
		Map<String, Integer> expected = ngrams(reference, n);
		int overlap = 0;
		for (Map.Entry<String, Integer> gram : found.entrySet()) {
			overlap += Math.min(gram.getValue(), expected.getOrDefault(gram.getKey(), 0));
		}
		int foundTotal = found.values().stream().mapToInt(Integer::intValue).sum();
		int expectedTotal = expected.values().stream().mapToInt(Integer::intValue).sum();
		if (overlap == 0) {
			return 0;
		}
		double precision = (double) overlap / foundTotal;
		double recall = (double) overlap / expectedTotal;
		return 2 * precision * recall / (precision + recall);
	}

	private static Map<String, Integer> ngrams(String text, int n) {
		List<String> words = new ArrayList<>();
		Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
		while (matcher.find()) {
			words.add(matcher.group());
		}
		Map<String, Integer> grams = new HashMap<>();
		for (int i = 0; i + n <= words.size(); i++) {
			grams.merge(String.join(" ", words.subList(i, i + n)), 1, Integer::sum);
		}
		return grams;
	}

	@SuppressWarnings("java:S106")
	private static void print(String line) {
		// A command-line report: standard output is its interface.
		System.out.println(line);
	}

}
