package newsroom.ingest.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import newsroom.ingest.config.IngestProperties;
import newsroom.web.WebGuardsAutoConfiguration;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Enforces {@code newsroom.ingest.max-body-size} (413), or
 * {@code newsroom.ingest.batch.max-body-size} for the streamed batch endpoint: up front
 * from {@code Content-Length}, and while reading by counting bytes, which also covers
 * chunked bodies that declare no length. Does not depend on the servlet container's own
 * limits.
 */
@Component
// After the shared guards: a body is read only once the client is known and within its
// limit.
@Order(WebGuardsAutoConfiguration.API_KEY_ORDER + 10)
class BodySizeLimitFilter extends OncePerRequestFilter {

	/** The path whose body is streamed item by item, with its own limit. */
	static final String BATCH_PATH = "/api/v1/articles/batch";

	private final Limit single;

	private final Limit batch;

	private final HandlerExceptionResolver exceptionResolver;

	BodySizeLimitFilter(IngestProperties properties,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver) {
		this.single = new Limit(properties.maxBodySize(), "newsroom.ingest.max-body-size");
		this.batch = new Limit(properties.batch().maxBodySize(), "newsroom.ingest.batch.max-body-size");
		this.exceptionResolver = exceptionResolver;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Limit limit = (path.equals(BATCH_PATH) || path.equals(BATCH_PATH + "/")) ? this.batch : this.single;
		if (request.getContentLengthLong() > limit.size().toBytes()) {
			this.exceptionResolver.resolveException(request, response, null,
					new RequestBodyTooLargeException(limit.size(), limit.setting()));
			return;
		}
		chain.doFilter(new LimitedRequest(request, limit), response);
	}

	private record Limit(DataSize size, String setting) {
	}

	/**
	 * The request with a body stream that fails once it has yielded more than the limit.
	 */
	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final Limit limit;

		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, Limit limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new CountingInputStream(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

	private static final class CountingInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final Limit limit;

		private long count;

		CountingInputStream(ServletInputStream delegate, Limit limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int value = this.delegate.read();
			if (value != -1) {
				counted(1);
			}
			return value;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = this.delegate.read(buffer, offset, length);
			if (read > 0) {
				counted(read);
			}
			return read;
		}

		private void counted(int bytes) throws RequestBodyTooLargeException {
			this.count += bytes;
			if (this.count > this.limit.size().toBytes()) {
				throw new RequestBodyTooLargeException(this.limit.size(), this.limit.setting());
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

		@Override
		public void close() throws IOException {
			this.delegate.close();
		}

	}

}
