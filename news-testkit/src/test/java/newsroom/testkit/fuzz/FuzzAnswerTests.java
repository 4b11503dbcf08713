package newsroom.testkit.fuzz;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error contract the fuzz tests hold answers to, read from raw HTTP answers as
 * {@link RawHttp} receives them.
 */
class FuzzAnswerTests {

	@Test
	void keepsTheContractWithAProblemNamingItsStatus() {
		FuzzAnswer answer = parse("GET", "HTTP/1.1 404 \r\nContent-Type: application/problem+json\r\n\r\n"
				+ "{\"title\":\"Not Found\",\"status\":404}");

		assertThat(answer.contractViolations()).isEmpty();
		assertThat(answer.label()).isEqualTo("404");
	}

	@Test
	void breaksTheContractWithA5xxOrA4xxThatIsNotAProblem() {
		assertThat(parse("GET",
				"HTTP/1.1 500 \r\nContent-Type: application/problem+json\r\n\r\n"
						+ "{\"title\":\"Internal error\",\"status\":500}")
			.contractViolations()).containsExactly("answered 500");
		assertThat(parse("POST", "HTTP/1.1 406 \r\nContent-Length: 0\r\n\r\n").contractViolations()).containsExactly(
				"406 answered as (none), not application/problem+json",
				"406 without a problem body naming its status and title");
		assertThat(parse("GET",
				"HTTP/1.1 400 \r\nContent-Type: application/problem+json\r\n\r\n"
						+ "{\"title\":\"Bad\",\"status\":404}")
			.contractViolations()).containsExactly("400 without a problem body naming its status and title");
	}

	@Test
	void holdsTheContainersOwnRefusalsToTheirStatusOnly() {
		FuzzAnswer page = parse("GET", "HTTP/1.1 400 \r\nContent-Type: text/html;charset=utf-8\r\n\r\n"
				+ "<html><head><title>HTTP Status 400 – Bad Request</title></head></html>");
		FuzzAnswer boot = parse("GET", "HTTP/1.1 400 \r\nContent-Type: application/json\r\n\r\n"
				+ "{\"timestamp\":\"2024-11-01T10:00:00Z\",\"status\":400,\"error\":\"Bad Request\",\"path\":\"/\"}");

		assertThat(page.contractViolations()).isEmpty();
		assertThat(page.label()).isEqualTo("400 container");
		assertThat(boot.contractViolations()).isEmpty();
		assertThat(boot.answeredByContainer()).isTrue();
	}

	@Test
	void holdsOtherEndpointsToNoServerFailureOnly() {
		FuzzAnswer empty404 = parse("GET", "HTTP/1.1 404 \r\nContent-Length: 0\r\n\r\n");

		assertThat(empty404.serverFailures()).isEmpty();
		assertThat(empty404.contractViolations()).isNotEmpty();
		assertThat(FuzzAnswer.none("GET", "connection reset").serverFailures())
			.containsExactly("no answer: connection reset");
	}

	@Test
	void readsAChunkedBody() {
		FuzzAnswer answer = parse("GET", "HTTP/1.1 200 \r\nTransfer-Encoding: chunked\r\n"
				+ "Content-Type: application/json\r\n\r\n5\r\n{\"a\":\r\n2;x=y\r\n1}\r\n0\r\n\r\n");

		assertThat(answer.text()).isEqualTo("{\"a\":1}");
		assertThat(answer.json()).hasValueSatisfying((json) -> assertThat(json.path("a").asInt()).isEqualTo(1));
	}

	private static FuzzAnswer parse(String method, String response) {
		return RawHttp.parse(method, response.getBytes(StandardCharsets.UTF_8));
	}

}
