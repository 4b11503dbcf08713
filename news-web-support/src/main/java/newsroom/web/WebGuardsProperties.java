package newsroom.web;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The HTTP guards' settings under {@code newsroom.web}, the same in every service; each
 * service's application.yml maps the environment onto them and names its own admin paths
 * and limits.
 *
 * @param apiKeys who may write
 * @param rateLimit how many requests one client may send
 * @param inFlightLimit how many requests all clients together may have open
 * @param headers the security headers on every answer
 */
@Validated
@ConfigurationProperties("newsroom.web")
public record WebGuardsProperties(@Valid @NotNull @DefaultValue ApiKeySettings apiKeys,
		@Valid @NotNull @DefaultValue RateLimitSettings rateLimit,
		@Valid @NotNull @DefaultValue InFlightLimitSettings inFlightLimit,
		@Valid @NotNull @DefaultValue HeaderSettings headers) {

	/** The strict policy of the dashboard: nothing inline, nothing from elsewhere. */
	public static final String STRICT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/**
	 * API keys. With none configured every request is let through, as before keys
	 * existed. With keys, every write (any method but GET, HEAD, OPTIONS and TRACE, on
	 * any path) and every request to an admin path needs one of them in
	 * {@code X-Api-Key}.
	 *
	 * @param keys accepted keys (several, so that a key can be rotated without downtime);
	 * blank entries are ignored
	 * @param file a file of more keys, one per line (blank lines and {@code #} comments
	 * ignored), such as a mounted Docker or Kubernetes secret; start-up fails when it is
	 * set but missing or holds no key
	 * @param adminPaths path patterns where reads need a key too
	 * @param readPaths path patterns where reads need a key when {@code readsRequireKey}
	 * @param readsRequireKey whether reads under {@code readPaths} need a key as well
	 */
	public record ApiKeySettings(@NotNull @DefaultValue List<String> keys, String file,
			@NotNull @DefaultValue List<String> adminPaths, @NotNull @DefaultValue("/api/**") List<String> readPaths,
			boolean readsRequireKey) {

		/** Never shows a key, so that logging the settings cannot leak one. */
		@Override
		public String toString() {
			return "ApiKeySettings[keys=(" + this.keys.stream().filter((key) -> !key.isBlank()).count()
					+ " given), file=" + this.file + ", adminPaths=" + this.adminPaths + ", readPaths=" + this.readPaths
					+ ", readsRequireKey=" + this.readsRequireKey + "]";
		}

	}

	/**
	 * Per-client rate limits: a token bucket per client (its API key when it sends a
	 * valid one, else its address; IPv6 addresses by their /64 network). The defaults, a
	 * burst of 1,000 and then 200 requests a second, stop one client from flooding a
	 * 2-core service while no person or ordinary integration ever meets them.
	 *
	 * @param enabled whether requests are limited
	 * @param capacity the largest burst a client may send at once
	 * @param refillTokens requests added back to a client's bucket every
	 * {@code refillPeriod} (spread evenly over it)
	 * @param refillPeriod see {@code refillTokens}
	 * @param paths path patterns that are limited; the rest (health probes, static files)
	 * never are
	 * @param maxClients buckets kept in memory; the least recently seen client's is
	 * dropped first
	 */
	public record RateLimitSettings(@DefaultValue("true") boolean enabled, @Min(1) @DefaultValue("1000") long capacity,
			@Min(1) @DefaultValue("200") long refillTokens, @NotNull @DefaultValue("1s") Duration refillPeriod,
			@NotNull @DefaultValue("/api/**") List<String> paths, @Min(1) @DefaultValue("100000") int maxClients) {

		public RateLimitSettings {
			if (refillPeriod != null && (refillPeriod.isNegative() || refillPeriod.isZero())) {
				throw new IllegalArgumentException(
						"newsroom.web.rate-limit.refill-period must be positive, was " + refillPeriod);
			}
		}

	}

	/**
	 * A bound on the requests a service works on at once, whoever sends them: past it a
	 * request is answered at once with a 503 problem and {@code Retry-After} instead of
	 * waiting in a queue that grows with the load. Under more load than the service can
	 * take, every client gets a prompt answer, the requests taken keep their latency, and
	 * memory stays bounded. 64 is far more than a 2-core service needs to stay busy (its
	 * requests wait on the broker or Elasticsearch for milliseconds), so it only ever
	 * refuses work that would have queued.
	 *
	 * @param enabled whether open requests are limited
	 * @param maxRequests requests open at once at most; the next one is refused
	 * @param retryAfter what a refused client is told to wait (whole seconds, at least 1)
	 * @param paths path patterns that are limited; the rest (health probes, metrics,
	 * static files) never are, so an operator can see a busy service
	 */
	public record InFlightLimitSettings(@DefaultValue("true") boolean enabled,
			@Min(1) @DefaultValue("64") int maxRequests, @NotNull @DefaultValue("1s") Duration retryAfter,
			@NotNull @DefaultValue("/api/**") List<String> paths) {

		public InFlightLimitSettings {
			if (retryAfter != null && retryAfter.toSeconds() < 1) {
				throw new IllegalArgumentException(
						"newsroom.web.in-flight-limit.retry-after must be at least 1s, was " + retryAfter);
			}
		}

	}

	/**
	 * Security headers on every answer: {@code Content-Security-Policy},
	 * {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy} and
	 * {@code X-Frame-Options}.
	 *
	 * @param enabled whether they are sent
	 * @param contentSecurityPolicy the policy; the default allows only the service's own
	 * scripts, styles and images, and no framing
	 * @param referrerPolicy the referrer policy
	 * @param frameOptions {@code X-Frame-Options}, for browsers that ignore
	 * {@code frame-ancestors}
	 * @param inlineStylePaths path patterns of pages made by third-party code that
	 * inserts {@code <style>} elements (Swagger UI): their policy also allows inline
	 * styles, never inline scripts
	 */
	public record HeaderSettings(@DefaultValue("true") boolean enabled,
			@NotBlank @DefaultValue(STRICT_POLICY) String contentSecurityPolicy,
			@NotBlank @DefaultValue("no-referrer") String referrerPolicy,
			@NotBlank @DefaultValue("DENY") String frameOptions,
			@NotNull @DefaultValue("/swagger-ui/**") List<String> inlineStylePaths) {

		/**
		 * The policy of the {@link #inlineStylePaths}: the configured one with
		 * {@code 'unsafe-inline'} added to its {@code style-src} only.
		 * @return the policy
		 */
		public String inlineStylePolicy() {
			String policy = this.contentSecurityPolicy.strip();
			if (policy.contains("style-src ")) {
				return policy.replace("style-src ", "style-src 'unsafe-inline' ");
			}
			return policy + (policy.endsWith(";") ? " " : "; ") + "style-src 'self' 'unsafe-inline'";
		}

	}

}
