package newsroom.enrich.text;

import java.util.List;

import newsroom.enrich.analysis.Token;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WordTokenizerTests {

	@Test
	void splitsPossessivesAndKeepsInnerJoiners() {
		assertThat(words("North Korea’s troops, Kim Yong-hyun and O'Brien's 12,000 U.S. soldiers.")).containsExactly(
				"North", "Korea", "’s", "troops", ",", "Kim", "Yong-hyun", "and", "O'Brien", "'s", "12,000", "U.S.",
				"soldiers", ".");
	}

	@Test
	void endsSentenceAfterOrdinaryWordsAndKeepsOffsets() {
		List<Token> tokens = WordTokenizer.tokenize("a large- scale war.", 10);

		assertThat(tokens).extracting(Token::text).containsExactly("a", "large", "-", "scale", "war", ".");
		assertThat(tokens.get(4).start()).isEqualTo(25);
		assertThat(tokens.get(4).end()).isEqualTo(28);
	}

	private static List<String> words(String text) {
		return WordTokenizer.tokenize(text, 0).stream().map(Token::text).toList();
	}

}
