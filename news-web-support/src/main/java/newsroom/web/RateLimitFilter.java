package newsroom.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import newsroom.web.WebGuardsProperties.RateLimitSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Limits how many requests each client sends to the limited paths (Bucket4j token
 * buckets): 429 problem with {@code Retry-After} in seconds once its bucket is empty. A
 * client is its API key when it sends a valid one, else its address: an invalid key
 * counts against the address, so trying keys cannot buy fresh buckets.
 */
final class RateLimitFilter extends PathLimitedFilter {

	private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

	/**
	 * IPv6 clients are grouped by their /64 network, which one subscriber usually gets.
	 */
	private static final int IPV6_NETWORK_BYTES = 8;

	private final RateLimitSettings settings;

	private final ApiKeys keys;

	private final ClientBuckets buckets;

	RateLimitFilter(RateLimitSettings settings, ApiKeys keys) {
		super(settings.paths());
		this.settings = settings;
		this.keys = keys;
		this.buckets = new ClientBuckets(settings);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String client = client(request);
		ConsumptionProbe probe = this.buckets.of(client).tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
		log.debug("Rate limited {} {} from {}: retry after {} s", request.getMethod(), request.getRequestURI(),
				request.getRemoteAddr(), seconds);
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		Problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
				"This client sent more than " + this.settings.capacity() + " requests at once or more than "
						+ this.settings.refillTokens() + " per " + period() + "; retry in " + seconds + " s.");
	}

	private String period() {
		return this.settings.refillPeriod().toString().substring(2).toLowerCase(Locale.ROOT);
	}

	private String client(HttpServletRequest request) {
		return this.keys.match(request.getHeader(ApiKeyFilter.HEADER))
			.stream()
			.mapToObj((index) -> "key #" + index)
			.findFirst()
			.orElseGet(() -> "address " + network(request.getRemoteAddr()));
	}

	/**
	 * The address, or for IPv6 its /64 network. Only a literal with a colon is parsed, so
	 * no name is ever looked up.
	 */
	static String network(String address) {
		if (address == null || address.indexOf(':') < 0) {
			return String.valueOf(address);
		}
		try {
			byte[] bytes = InetAddress.getByName(address).getAddress();
			return (bytes.length == 16) ? HexFormat.of().formatHex(Arrays.copyOf(bytes, IPV6_NETWORK_BYTES)) + "::/64"
					: address;
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

}
