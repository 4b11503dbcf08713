package newsroom.ingest.extract;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import newsroom.ingest.clean.TextCleaner;
import org.jsoup.Jsoup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures the extraction on the evaluation pages in
 * {@code src/test/resources/extraction/pages} (each page with a {@code .json} holding its
 * expected title and body): the page goes through the extractor and the text cleaner as
 * in ingest-service, and the body is compared by token-level F1 (lower-case letter and
 * digit runs, as multisets), the title by exact match. Prints one line per page and the
 * median F1 and title exact-match rate. A command, not a test: run
 * {@code bench/extraction-eval}.
 */
public final class ExtractionEvaluation {

	private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");

	private ExtractionEvaluation() {
	}

	public static void main(String[] args) throws IOException {
		Path pages = Path.of((args.length > 0) ? args[0] : "src/test/resources/extraction/pages");
		boolean verbose = args.length > 1 && args[1].equals("-v");
		PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
		JsonMapper json = JsonMapper.builder().build();
		HtmlArticleExtractor extractor = new HtmlArticleExtractor();
		TextCleaner cleaner = new TextCleaner();
		List<Path> htmlFiles;
		try (Stream<Path> files = Files.list(pages)) {
			htmlFiles = files.filter((file) -> file.toString().endsWith(".html")).sorted().toList();
		}
		List<Double> f1s = new ArrayList<>();
		int titlesExact = 0;
		Map<String, List<Double>> byLayout = new HashMap<>();
		out.printf("%-52s %6s %6s %6s  %s%n", "page", "P", "R", "F1", "title");
		for (Path file : htmlFiles) {
			String name = file.getFileName().toString().replace(".html", "");
			JsonNode expected = json.readTree(file.resolveSibling(name + ".json").toFile());
			String url = "https://pages.example/" + name;
			String html;
			try (InputStream in = Files.newInputStream(file)) {
				// As PageFetcher.decodeHtml does: the page's own charset declaration
				// decides.
				html = Jsoup.parse(in, null, url).outerHtml();
			}
			ExtractedPage page = extractor.extract(html, url);
			String title = cleaner.cleanLine(page.title().orElse(""));
			String body = cleaner.clean(page.text(), title);
			double[] score = f1(expected.path("body").asString(), body);
			boolean titleExact = title.equals(expected.path("title").asString());
			titlesExact += titleExact ? 1 : 0;
			f1s.add(score[2]);
			byLayout.computeIfAbsent(expected.path("layout").asString(), (key) -> new ArrayList<>()).add(score[2]);
			out.printf(Locale.ROOT, "%-52s %6.3f %6.3f %6.3f  %s%n", name, score[0], score[1], score[2],
					titleExact ? "exact" : "MISS: \"" + title + "\"");
			if (verbose && score[2] < 0.999) {
				out.println("---- extracted body:");
				out.println(body);
				out.println("----");
			}
		}
		List<Double> sorted = f1s.stream().sorted().toList();
		int n = sorted.size();
		double median = (n == 0) ? 0
				: (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
		double mean = f1s.stream().mapToDouble(Double::doubleValue).average().orElse(0);
		out.println();
		byLayout.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach((entry) -> out.printf(Locale.ROOT, "layout %-14s pages %2d  mean F1 %.3f%n", entry.getKey(),
					entry.getValue().size(),
					entry.getValue().stream().mapToDouble(Double::doubleValue).average().orElse(0)));
		out.println();
		out.printf(Locale.ROOT, "pages: %d%n", n);
		out.printf(Locale.ROOT, "body token F1: median %.3f, mean %.3f, min %.3f%n", median, mean,
				sorted.isEmpty() ? 0 : sorted.get(0));
		out.printf(Locale.ROOT, "title exact match: %d/%d = %.1f%%%n", titlesExact, n,
				(n == 0) ? 0 : 100.0 * titlesExact / n);
	}

	/** Precision, recall and F1 of the extracted tokens against the expected ones. */
	static double[] f1(String expected, String actual) {
		Map<String, Integer> want = tokens(expected);
		Map<String, Integer> got = tokens(actual);
		int common = 0;
		for (Map.Entry<String, Integer> entry : got.entrySet()) {
			common += Math.min(entry.getValue(), want.getOrDefault(entry.getKey(), 0));
		}
		int gotTotal = got.values().stream().mapToInt(Integer::intValue).sum();
		int wantTotal = want.values().stream().mapToInt(Integer::intValue).sum();
		double precision = (gotTotal == 0) ? 0 : common / (double) gotTotal;
		double recall = (wantTotal == 0) ? 0 : common / (double) wantTotal;
		double f1 = (precision + recall == 0) ? 0 : 2 * precision * recall / (precision + recall);
		return new double[] { precision, recall, f1 };
	}

	private static Map<String, Integer> tokens(String text) {
		Map<String, Integer> tokens = new HashMap<>();
		Matcher matcher = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
		while (matcher.find()) {
			tokens.merge(matcher.group(), 1, Integer::sum);
		}
		return tokens;
	}

}
