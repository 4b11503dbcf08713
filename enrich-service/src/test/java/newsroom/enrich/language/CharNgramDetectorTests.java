package newsroom.enrich.language;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import newsroom.enrich.TestArticles;
import newsroom.enrich.bench.ThroughputBenchmark;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detector must rank languages as OpenNLP's own {@link LanguageDetectorME} does on
 * the same model, or the enrichment's language would change.
 */
class CharNgramDetectorTests {

	private static final LanguageDetectorModel MODEL = TestArticles.models().languageDetector();

	@Test
	void ranksLanguagesAsOpenNlpDoes() {
		LanguageDetectorME reference = new LanguageDetectorME(MODEL);
		CharNgramDetector detector = new CharNgramDetector(MODEL);
		List<String> texts = new ArrayList<>(List.of("", "12,000 — 3:1 !!!", "Hello", "Der Bundestag hat am Freitag",
				"Le gouvernement a annoncé mardi une réforme des retraites.",
				"El presidente del Gobierno compareció ayer en el Congreso de los Diputados.",
				"Il consiglio comunale di Milano ha approvato il bilancio.",
				"Президент России заявил в понедельник, что переговоры продолжатся.", "東京都は月曜日、新しい防災計画を発表した。",
				"Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία.",
				"De regering heeft dinsdag nieuwe maatregelen aangekondigd.",
				"Rząd ogłosił w poniedziałek nowe przepisy dotyczące podatków.",
				"Visit https://example.com/news?id=12 or mail desk@example.com #breaking @newsroom 😀😀 now",
				"Math 𝐀𝐁𝐂 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 letters, İstanbul ŞEHİR, ǅ ß ẞ", "aaaaaaaaaaaaaaaa     bbbbbbbbbbbb",
				"\uD835 lone surrogate \uDC00 here"));
		ThroughputBenchmark.articles().forEach((article) -> texts.add(article[0] + "\n" + article[1]));
		for (String text : texts) {
			String sample = (text.length() > LanguageAnalyser.SAMPLE_CHARS)
					? text.substring(0, LanguageAnalyser.SAMPLE_CHARS) : text;
			List<String> expected = Arrays.stream(reference.predictLanguages(sample)).map(Language::getLang).toList();
			assertThat(detector.languages(sample).subList(0, 5)).as(sample).isEqualTo(expected.subList(0, 5));
		}
	}

}
