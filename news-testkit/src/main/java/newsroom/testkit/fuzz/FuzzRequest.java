package newsroom.testkit.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One hostile HTTP request, sent byte for byte as written by {@link RawHttp}: the request
 * target is not checked or encoded, headers may repeat, and the body may be sent chunked.
 *
 * @param method the method
 * @param target the request target (path and query) exactly as sent
 * @param headers header lines in order, repeats allowed; {@code Host},
 * {@code Content-Length} and {@code Connection} are added by the sender
 * @param body the body, empty for none
 * @param chunked whether the body goes as {@code Transfer-Encoding: chunked} without a
 * length
 */
public record FuzzRequest(String method, String target, List<Map.Entry<String, String>> headers, byte[] body,
		boolean chunked) {

	private static final int SHOWN_CHARACTERS = 300;

	public FuzzRequest {
		headers = List.copyOf(headers);
	}

	/**
	 * A request without headers or body.
	 * @param method the method
	 * @param target the path and query
	 * @return the request
	 */
	public static FuzzRequest of(String method, String target) {
		return new FuzzRequest(method, target, List.of(), new byte[0], false);
	}

	/**
	 * This request with one more header line; {@code null} values add nothing.
	 * @param name the header name
	 * @param value its value
	 * @return the new request
	 */
	public FuzzRequest withHeader(String name, String value) {
		if (value == null) {
			return this;
		}
		List<Map.Entry<String, String>> more = new ArrayList<>(this.headers);
		more.add(Map.entry(name, value));
		return new FuzzRequest(this.method, this.target, more, this.body, this.chunked);
	}

	/**
	 * This request with a body.
	 * @param content the body's bytes
	 * @param sendChunked whether to send it chunked, without a length
	 * @return the new request
	 */
	public FuzzRequest withBody(byte[] content, boolean sendChunked) {
		return new FuzzRequest(this.method, this.target, this.headers, content, sendChunked);
	}

	@Override
	public String toString() {
		String text = new String(this.body, StandardCharsets.UTF_8);
		String shown = (text.length() > SHOWN_CHARACTERS)
				? text.substring(0, SHOWN_CHARACTERS) + "…(" + this.body.length + " bytes)" : text;
		String target = (this.target.length() > SHOWN_CHARACTERS)
				? this.target.substring(0, SHOWN_CHARACTERS) + "…(" + this.target.length() + " characters)"
				: this.target;
		return this.method + " " + target + " " + this.headers + (this.chunked ? " chunked " : " ") + shown;
	}

}
