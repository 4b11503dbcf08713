package newsroom.web;

import java.io.IOException;
import java.util.concurrent.Semaphore;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import newsroom.web.WebGuardsProperties.InFlightLimitSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Bounds the requests a service works on at once: a request that finds
 * {@code maxRequests} open is answered at once with a 503 problem and
 * {@code Retry-After}, so that more load than the service can take shortens no one's
 * answer to a timeout and grows no queue. A permit is taken without waiting and given
 * back when the request's thread leaves the service.
 */
final class InFlightLimitFilter extends PathLimitedFilter {

	private static final Logger log = LoggerFactory.getLogger(InFlightLimitFilter.class);

	private final InFlightLimitSettings settings;

	private final Semaphore permits;

	private final String retryAfter;

	InFlightLimitFilter(InFlightLimitSettings settings) {
		super(settings.paths());
		this.settings = settings;
		this.permits = new Semaphore(settings.maxRequests());
		this.retryAfter = Long.toString(settings.retryAfter().toSeconds());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.permits.tryAcquire()) {
			log.debug("Busy: refused {} {} from {}, {} requests open", request.getMethod(), request.getRequestURI(),
					request.getRemoteAddr(), this.settings.maxRequests());
			response.setHeader(HttpHeaders.RETRY_AFTER, this.retryAfter);
			Problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Service busy",
					"This service is working on " + this.settings.maxRequests()
							+ " requests already; nothing was done with this one. Retry in " + this.retryAfter + " s.");
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.permits.release();
		}
	}

	/**
	 * Requests open now, for tests and metrics.
	 * @return how many permits are taken
	 */
	int open() {
		return this.settings.maxRequests() - this.permits.availablePermits();
	}

}
