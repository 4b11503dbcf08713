package newsroom.enrich.entity;

import java.util.ArrayList;
import java.util.List;

import newsroom.enrich.analysis.Sentence;
import newsroom.enrich.analysis.Token;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleCluesTests {

	private static final Gazetteer gazetteer = Gazetteer.load();

	@Test
	void knowsTheWordsAndInitialsOfNamesHoldingAnOrganisationWord() {
		ArticleClues clues = clues("Players of the Amateur Hockey Association of Canada met in Montreal .",
				"Hinkley Locomotive Company built the engine .");

		assertThat(clues.inOrganisationName("Hinkley")).isTrue();
		assertThat(clues.inOrganisationName("Canada")).isTrue();
		assertThat(clues.organisationInitials("AHAC")).isTrue();
		assertThat(clues.organisationInitials("HLC")).isTrue();
		// A place named outside such a name is no part of one.
		assertThat(clues.inOrganisationName("Montreal")).isFalse();
	}

	@Test
	void ignoresNamesWithoutOrganisationWord() {
		ArticleClues clues = clues("Anna Maria Lopez visited New York .");

		assertThat(clues.inOrganisationName("Lopez")).isFalse();
		assertThat(clues.organisationInitials("AML")).isFalse();
	}

	@Test
	void givesEveryChunkTokenTheWordsBeforeTheChunkSkippingAnArticle() {
		String[] lower = "he signed with the montreal victorias in 1899".split(" ");
		FeatureList features = new FeatureList();

		ChunkContext.add(features, lower, 4);

		assertThat(features.toArray()).containsExactly(FeatureHash.of(TokenFeatures.CHUNK_BEFORE, "with"),
				FeatureHash.of(TokenFeatures.CHUNK_BEFORE_TWO, "signed", "with"));
	}

	/** Sentences of space-separated tokens. */
	private static ArticleClues clues(String... sentences) {
		List<Sentence> parsed = new ArrayList<>();
		int offset = 0;
		for (String sentence : sentences) {
			List<Token> tokens = new ArrayList<>();
			int start = offset;
			for (String word : sentence.split(" ")) {
				tokens.add(new Token(offset, offset + word.length(), word));
				offset += word.length() + 1;
			}
			parsed.add(new Sentence(start, offset - 1, sentence, 0, tokens));
		}
		return new ArticleClues(parsed, gazetteer);
	}

}
