package newsroom.enrich.language;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Normalises language codes to ISO 639-1, the form every Newsroom event carries. Accepts
 * ISO 639-1 codes, BCP 47 tags ({@code en-GB}), ISO 639-2 codes and the ISO 639-3 codes
 * the OpenNLP language detector answers with.
 */
public final class LanguageCodes {

	private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

	private static final Map<String, String> THREE_LETTER = threeLetterCodes();

	private LanguageCodes() {
	}

	/**
	 * The ISO 639-1 code for a language code.
	 * @param code a language code or tag in any case, or {@code null}
	 * @return the two-letter lower-case code, empty when the code is unknown or the
	 * language has no two-letter code
	 */
	public static Optional<String> toIso6391(@Nullable String code) {
		if (code == null) {
			return Optional.empty();
		}
		String language = code.strip().replace('_', '-');
		int dash = language.indexOf('-');
		if (dash >= 0) {
			language = language.substring(0, dash);
		}
		language = language.toLowerCase(Locale.ROOT);
		if (language.length() == 2 && language.chars().allMatch(Character::isLetter)) {
			// Locale maps the withdrawn codes (iw, in, ji) to their current form.
			String current = new Locale(language).getLanguage();
			return ISO_639_1.contains(current) ? Optional.of(current) : Optional.empty();
		}
		if (language.length() == 3) {
			return Optional.ofNullable(THREE_LETTER.get(language));
		}
		return Optional.empty();
	}

	private static Map<String, String> threeLetterCodes() {
		Map<String, String> codes = new HashMap<>();
		for (String iso1 : ISO_639_1) {
			try {
				codes.put(new Locale(iso1).getISO3Language(), iso1);
			}
			catch (MissingResourceException ex) {
				// A two-letter code without a three-letter form cannot be reached from
				// one.
			}
		}
		// ISO 639-3 individual languages the detector reports instead of their
		// macrolanguage, which is what ISO 639-1 names.
		codes.putAll(Map.ofEntries(Map.entry("cmn", "zh"), Map.entry("pes", "fa"), Map.entry("prs", "fa"),
				Map.entry("lvs", "lv"), Map.entry("ekk", "et"), Map.entry("pnb", "pa"), Map.entry("plt", "mg"),
				Map.entry("zsm", "ms"), Map.entry("arb", "ar"), Map.entry("swh", "sw"), Map.entry("azj", "az"),
				Map.entry("uzn", "uz"), Map.entry("khk", "mn"), Map.entry("npi", "ne"), Map.entry("ory", "or"),
				Map.entry("ydd", "yi"), Map.entry("gug", "gn")));
		// ISO 639-2/B bibliographic codes, still common in library and feed metadata.
		codes.putAll(Map.ofEntries(Map.entry("ger", "de"), Map.entry("fre", "fr"), Map.entry("dut", "nl"),
				Map.entry("chi", "zh"), Map.entry("cze", "cs"), Map.entry("gre", "el"), Map.entry("per", "fa"),
				Map.entry("rum", "ro"), Map.entry("slo", "sk"), Map.entry("alb", "sq"), Map.entry("arm", "hy"),
				Map.entry("baq", "eu"), Map.entry("bur", "my"), Map.entry("geo", "ka"), Map.entry("ice", "is"),
				Map.entry("mac", "mk"), Map.entry("mao", "mi"), Map.entry("may", "ms"), Map.entry("tib", "bo"),
				Map.entry("wel", "cy")));
		return Map.copyOf(codes);
	}

}
