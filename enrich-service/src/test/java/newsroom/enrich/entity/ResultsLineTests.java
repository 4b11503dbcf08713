package newsroom.enrich.entity;

import java.util.ArrayList;
import java.util.List;

import newsroom.enrich.analysis.Token;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsLineTests {

	@Test
	void findsBothSidesOfAScoreLine() {
		assertThat(ResultsLine.sides(tokens("Arsenal 2 Tottenham 1"))).containsExactly(new int[] { 0, 1 },
				new int[] { 2, 3 });
		assertThat(ResultsLine.sides(tokens("NEW YORK YANKEES 5 St Louis 3 ."))).containsExactly(new int[] { 0, 3 },
				new int[] { 4, 6 });
	}

	@Test
	void findsNoSidesInASentenceOrATableRow() {
		assertThat(ResultsLine.sides(tokens("Arsenal beat Tottenham 2 1"))).isEmpty();
		assertThat(ResultsLine.sides(tokens("Barcelona 22 17 3 2 58 20 54"))).isEmpty();
		assertThat(ResultsLine.sides(tokens("Sri Lanka 244-8 in 50 overs"))).isEmpty();
		assertThat(ResultsLine.sides(tokens("Chapter 2"))).isEmpty();
		assertThat(ResultsLine.sides(tokens("Results 2 and 3 follow"))).isEmpty();
	}

	private static List<Token> tokens(String line) {
		List<Token> tokens = new ArrayList<>();
		int offset = 0;
		for (String word : line.split(" ")) {
			tokens.add(new Token(offset, offset + word.length(), word));
			offset += word.length() + 1;
		}
		return tokens;
	}

}
