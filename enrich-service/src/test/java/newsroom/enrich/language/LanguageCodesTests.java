package newsroom.enrich.language;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageCodesTests {

	@Test
	void keepsIso6391Codes() {
		assertThat(LanguageCodes.toIso6391("en")).contains("en");
		assertThat(LanguageCodes.toIso6391(" FR ")).contains("fr");
	}

	@Test
	void takesLanguageOfLanguageTags() {
		assertThat(LanguageCodes.toIso6391("en-GB")).contains("en");
		assertThat(LanguageCodes.toIso6391("pt_BR")).contains("pt");
	}

	@Test
	void mapsThreeLetterCodes() {
		assertThat(LanguageCodes.toIso6391("eng")).contains("en");
		assertThat(LanguageCodes.toIso6391("deu")).contains("de");
		assertThat(LanguageCodes.toIso6391("ger")).contains("de");
		assertThat(LanguageCodes.toIso6391("cmn")).contains("zh");
		assertThat(LanguageCodes.toIso6391("pes")).contains("fa");
		assertThat(LanguageCodes.toIso6391("ekk")).contains("et");
	}

	@Test
	void mapsWithdrawnCodesToCurrentOnes() {
		assertThat(LanguageCodes.toIso6391("iw")).contains("he");
		assertThat(LanguageCodes.toIso6391("in")).contains("id");
	}

	@Test
	void rejectsUnknownCodes() {
		assertThat(LanguageCodes.toIso6391(null)).isEmpty();
		assertThat(LanguageCodes.toIso6391("")).isEmpty();
		assertThat(LanguageCodes.toIso6391("xx")).isEmpty();
		assertThat(LanguageCodes.toIso6391("english")).isEmpty();
		assertThat(LanguageCodes.toIso6391("ceb")).isEmpty();
		assertThat(LanguageCodes.toIso6391("e1")).isEmpty();
	}

}
