package newsroom.testkit.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An HTTP/1.1 client on a plain socket that sends a {@link FuzzRequest} exactly as
 * written (unencoded targets, repeated headers, chunked bodies), one connection per
 * request, and reads the whole answer. The body is written while the answer is read, so a
 * server that answers before reading everything (413, 415) is heard.
 */
public final class RawHttp implements AutoCloseable {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final int CHUNK_BYTES = 8192;

	private static final byte[] CRLF = { '\r', '\n' };

	private final int port;

	private final FuzzTally tally = new FuzzTally();

	private final ExecutorService writer = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "raw-http-writer");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * A client for a server on the loopback address.
	 * @param port the server's port
	 */
	public RawHttp(int port) {
		this.port = port;
	}

	/**
	 * Send one request on a client of its own.
	 * @param port the server's port on the loopback address
	 * @param request the request
	 * @return the answer, or an answer with status 0 when the server closed the
	 * connection without one
	 */
	public static FuzzAnswer sendOnce(int port, FuzzRequest request) {
		try (RawHttp http = new RawHttp(port)) {
			return http.send(request);
		}
	}

	/**
	 * Send a request, read the answer and count it for the endpoint in {@link #tally()}.
	 * @param endpoint the endpoint's name in the tally, for example
	 * {@code GET /api/v1/search}
	 * @param request the request
	 * @return the answer, or an answer with status 0 when the server closed the
	 * connection without one
	 */
	public FuzzAnswer send(String endpoint, FuzzRequest request) {
		long start = System.nanoTime();
		FuzzAnswer answer = send(request);
		this.tally.record(endpoint, answer, Duration.ofNanos(System.nanoTime() - start));
		return answer;
	}

	/**
	 * The requests sent with an endpoint's name so far.
	 * @return the tally
	 */
	public FuzzTally tally() {
		return this.tally;
	}

	/**
	 * Send a request and read the answer.
	 * @param request the request
	 * @return the answer, or an answer with status 0 when the server closed the
	 * connection without one
	 */
	public FuzzAnswer send(FuzzRequest request) {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		String failure = "connection closed without an answer";
		Future<?> written = null;
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), (int) TIMEOUT.toMillis());
			socket.setSoTimeout((int) TIMEOUT.toMillis());
			OutputStream out = socket.getOutputStream();
			written = this.writer.submit(() -> write(out, request));
			readAll(socket.getInputStream(), received);
		}
		catch (IOException ex) {
			failure = ex.toString();
		}
		finally {
			awaitWriter(written);
		}
		return (received.size() > 0) ? parse(request.method(), received.toByteArray())
				: FuzzAnswer.none(request.method(), failure);
	}

	private Void write(OutputStream out, FuzzRequest request) throws IOException {
		StringBuilder head = new StringBuilder();
		head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
		head.append("Host: 127.0.0.1:").append(this.port).append("\r\n");
		request.headers()
			.forEach((header) -> head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n"));
		boolean hasBody = request.body().length > 0 || !request.method().equals("GET");
		if (hasBody && request.chunked()) {
			head.append("Transfer-Encoding: chunked\r\n");
		}
		else if (hasBody) {
			head.append("Content-Length: ").append(request.body().length).append("\r\n");
		}
		head.append("Connection: close\r\n\r\n");
		out.write(head.toString().getBytes(StandardCharsets.UTF_8));
		if (hasBody && request.chunked()) {
			writeChunked(out, request.body());
		}
		else {
			out.write(request.body());
		}
		out.flush();
		return null;
	}

	private static void writeChunked(OutputStream out, byte[] body) throws IOException {
		for (int at = 0; at < body.length; at += CHUNK_BYTES) {
			int length = Math.min(CHUNK_BYTES, body.length - at);
			out.write(Integer.toHexString(length).getBytes(StandardCharsets.US_ASCII));
			out.write(CRLF);
			out.write(body, at, length);
			out.write(CRLF);
		}
		out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
	}

	private static void readAll(InputStream in, ByteArrayOutputStream received) throws IOException {
		byte[] buffer = new byte[CHUNK_BYTES];
		for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
			received.write(buffer, 0, read);
		}
	}

	/**
	 * The server may close before the body is written: the writer's failure is no news.
	 */
	private static void awaitWriter(Future<?> written) {
		if (written == null) {
			return;
		}
		try {
			written.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			written.cancel(true);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static FuzzAnswer parse(String method, byte[] response) {
		int end = indexOf(response, new byte[] { '\r', '\n', '\r', '\n' }, 0);
		if (end < 0) {
			return FuzzAnswer.none(method,
					"answer without a complete head: " + new String(response, StandardCharsets.UTF_8));
		}
		String[] lines = new String(response, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
		String[] statusLine = lines[0].split(" ", 3);
		Map<String, List<String>> headers = new HashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers
					.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
							(name) -> new ArrayList<>())
					.add(lines[i].substring(colon + 1).strip());
			}
		}
		byte[] body = Arrays.copyOfRange(response, end + 4, response.length);
		if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
			body = dechunk(body);
		}
		return new FuzzAnswer(method, Integer.parseInt(statusLine[1]), headers, body, null);
	}

	private static byte[] dechunk(byte[] chunked) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int at = 0;
		while (at < chunked.length) {
			int lineEnd = indexOf(chunked, CRLF, at);
			if (lineEnd < 0) {
				break;
			}
			String size = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].strip();
			int length = Integer.parseInt(size, 16);
			if (length == 0) {
				break;
			}
			body.write(chunked, lineEnd + 2, Math.min(length, chunked.length - lineEnd - 2));
			at = lineEnd + 2 + length + 2;
		}
		return body.toByteArray();
	}

	private static int indexOf(byte[] data, byte[] pattern, int from) {
		for (int i = from; i <= data.length - pattern.length; i++) {
			if (Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
				return i;
			}
		}
		return -1;
	}

	@Override
	public void close() {
		this.writer.shutdownNow();
	}

}
