package newsroom.search.parameter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class QueryTextTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "*korea|korea", "ko*|ko", "kor*|kor*", "*|''", "troops~2|troops",
					"\"north korea\"~3|\"north korea\"", "north* -rus*|north* -rus*", "**|''", "a* b*|a b",
					"\"keep * here\" x*|\"keep * here\" x" })
	void dropsWildcardsAndFuzzinessThatWouldExpand(String text, String expected) {
		assertThat(QueryText.withoutExpansion(text)).isEqualTo(expected);
	}

	@Test
	void turnsWordOperatorsIntoSimpleQueryStringOperators() {
		assertThat(QueryText.toSimpleQueryString("Putin OR Zelensky")).isEqualTo("Putin | Zelensky");
		assertThat(QueryText.toSimpleQueryString("troops AND Russia")).isEqualTo("troops + Russia");
	}

	@Test
	void leavesOperatorWordsInsideQuotesAndLowerCaseAlone() {
		assertThat(QueryText.toSimpleQueryString("\"war OR peace\" -Russia or ORacle"))
			.isEqualTo("\"war OR peace\" -Russia or ORacle");
	}

}
