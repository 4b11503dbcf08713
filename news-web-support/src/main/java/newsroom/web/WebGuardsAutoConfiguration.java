package newsroom.web;

import jakarta.servlet.Filter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The HTTP guards of every Newsroom service, as servlet filters in this order: security
 * headers (so that every answer, a refusal too, carries them), the per-client rate limit
 * (which also counts requests with a wrong key, so keys cannot be tried at will; a
 * flooding client is refused before it can take the others' places), the bound on
 * requests open at once, and the API key check. A service's own filters, such as body
 * size limits, come after {@link #API_KEY_ORDER}, so an unauthenticated body is never
 * read.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebGuardsProperties.class)
public class WebGuardsAutoConfiguration {

	/** Order of the security headers filter. */
	public static final int HEADERS_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

	/** Order of the rate limit filter. */
	public static final int RATE_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 5;

	/** Order of the in-flight limit filter. */
	public static final int IN_FLIGHT_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 7;

	/** Order of the API key filter; filters that read the body belong after it. */
	public static final int API_KEY_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	@Bean
	@ConditionalOnMissingBean
	ApiKeys newsroomApiKeys(WebGuardsProperties properties) {
		return ApiKeys.load(properties.apiKeys());
	}

	@Bean
	FilterRegistrationBean<ApiKeyFilter> newsroomApiKeyFilter(ApiKeys keys, WebGuardsProperties properties) {
		return registration(new ApiKeyFilter(keys, properties.apiKeys()), API_KEY_ORDER);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "newsroom.web.rate-limit.enabled", matchIfMissing = true)
	FilterRegistrationBean<RateLimitFilter> newsroomRateLimitFilter(ApiKeys keys, WebGuardsProperties properties) {
		return registration(new RateLimitFilter(properties.rateLimit(), keys), RATE_LIMIT_ORDER);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "newsroom.web.in-flight-limit.enabled", matchIfMissing = true)
	FilterRegistrationBean<InFlightLimitFilter> newsroomInFlightLimitFilter(WebGuardsProperties properties) {
		return registration(new InFlightLimitFilter(properties.inFlightLimit()), IN_FLIGHT_LIMIT_ORDER);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "newsroom.web.headers.enabled", matchIfMissing = true)
	FilterRegistrationBean<SecurityHeadersFilter> newsroomSecurityHeadersFilter(WebGuardsProperties properties) {
		return registration(new SecurityHeadersFilter(properties.headers()), HEADERS_ORDER);
	}

	private static <F extends Filter> FilterRegistrationBean<F> registration(F filter, int order) {
		FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(order);
		return registration;
	}

}
