package newsroom.enrich.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule-based sentence splitting for languages without an OpenNLP sentence model: a
 * sentence ends at {@code . ! ? …} (and any closing quotes, French-spaced guillemets
 * included) before a capital, digit or opening quote, except after an initial, an ordinal
 * number or a common abbreviation.
 */
final class RegexSentenceSplitter implements SentenceSplitter {

	private static final Pattern BOUNDARY = Pattern
		.compile("[.!?…]+[\"'“”’»)\\]]*(?:[ \u00A0\u202F][»›])?(?=\\s+[\"'“‘„«(\\[¿¡]?[\\p{Lu}\\p{N}])");

	private static final Pattern ORDINAL = Pattern.compile("\\p{N}{1,3}");

	/** Lower-case, without the final period; shared by the Western European languages. */
	private static final Set<String> ABBREVIATIONS = Set.of("dr", "prof", "mr", "mrs", "ms", "st", "nr", "no", "vs",
			"bzw", "ca", "vgl", "usw", "ggf", "inkl", "evtl", "sog", "hr", "fr", "mme", "mlle", "mgr", "me", "sr",
			"sra", "srta", "dña", "jr", "abs", "art", "bd", "jh", "gen", "gov", "sen", "rep", "lt", "col", "capt",
			"sgt", "av", "avda", "pp", "cf", "dept", "univ", "corp", "inc", "ltd", "co", "bzgl", "ehem", "geb", "max",
			"min", "mio", "mrd", "tel", "jan", "feb", "febr", "mär", "apr", "jun", "jul", "aug", "sep", "sept", "okt",
			"oct", "nov", "dez", "dec", "déc", "janv", "févr", "avr", "juil");

	@Override
	public List<Range> split(String block) {
		List<Range> sentences = new ArrayList<>();
		int start = 0;
		Matcher matcher = BOUNDARY.matcher(block);
		while (matcher.find()) {
			if (block.charAt(matcher.start()) == '.' && matcher.group().length() == 1
					&& !endsSentence(wordBefore(block, matcher.start()))) {
				continue;
			}
			sentences.add(new Range(start, matcher.end()));
			start = skipWhitespace(block, matcher.end());
		}
		if (start < block.length()) {
			sentences.add(new Range(start, block.length()));
		}
		return sentences;
	}

	private static boolean endsSentence(String word) {
		if (word.codePointCount(0, word.length()) == 1 && Character.isLetter(word.codePointAt(0))) {
			return false;
		}
		// "z.B", "U.S": a period inside the word marks an abbreviation.
		if (word.indexOf('.') >= 0) {
			return false;
		}
		return !ORDINAL.matcher(word).matches() && !ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
	}

	private static String wordBefore(String block, int end) {
		int start = end;
		while (start > 0 && !Character.isWhitespace(block.charAt(start - 1)) && block.charAt(start - 1) != '(') {
			start--;
		}
		return block.substring(start, end);
	}

	private static int skipWhitespace(String block, int index) {
		while (index < block.length() && Character.isWhitespace(block.charAt(index))) {
			index++;
		}
		return index;
	}

}
