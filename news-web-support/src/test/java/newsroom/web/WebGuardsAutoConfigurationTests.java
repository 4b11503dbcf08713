package newsroom.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which guards a service gets from its properties: all four by default, the limits and
 * the headers each switched off on their own, none outside a servlet application, and no
 * start-up at all with a key file that is not there; one warning when the service is
 * open.
 */
@ExtendWith(OutputCaptureExtension.class)
class WebGuardsAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebGuardsAutoConfiguration.class));

	@Test
	void registersTheGuardsInTheirOrder() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ApiKeys.class);
			List<Integer> orders = context.getBeansOfType(FilterRegistrationBean.class)
				.values()
				.stream()
				.map(FilterRegistrationBean::getOrder)
				.sorted()
				.toList();
			assertThat(orders).containsExactly(WebGuardsAutoConfiguration.HEADERS_ORDER,
					WebGuardsAutoConfiguration.RATE_LIMIT_ORDER, WebGuardsAutoConfiguration.IN_FLIGHT_LIMIT_ORDER,
					WebGuardsAutoConfiguration.API_KEY_ORDER);
		});
	}

	@Test
	void warnsOnceWhenNoKeyIsConfigured(CapturedOutput output) {
		this.runner.run((context) -> {
			context.getBean(ApiKeys.class);
			assertThat(output.getAll().split("No API key configured", -1)).as("warnings").hasSize(2);
			assertThat(output.getAll()).contains("WARN", "OPEN to anyone");
		});
		this.runner.withPropertyValues("newsroom.web.api-keys.keys=a-key-long-enough-to-pass")
			.run((context) -> assertThat(output.getAll().split("No API key configured", -1)).hasSize(2));
	}

	@Test
	void leavesOutTheLimitsAndTheHeadersWhenSwitchedOff() {
		this.runner
			.withPropertyValues("newsroom.web.rate-limit.enabled=false", "newsroom.web.in-flight-limit.enabled=false",
					"newsroom.web.headers.enabled=false")
			.run((context) -> assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
				.extracting(FilterRegistrationBean::getFilter)
				.singleElement()
				.isInstanceOf(ApiKeyFilter.class));
	}

	@Test
	void failsToStartWithAKeyFileThatIsNotThere() {
		this.runner.withPropertyValues("newsroom.web.api-keys.file=/nonexistent/newsroom/api-keys")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("/nonexistent/newsroom/api-keys"));
	}

	@Test
	void refusesARefillPeriodThatIsNotPositive() {
		this.runner.withPropertyValues("newsroom.web.rate-limit.refill-period=0s")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void refusesARetryAfterBelowOneSecond() {
		this.runner.withPropertyValues("newsroom.web.in-flight-limit.retry-after=500ms")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void staysOutOfAnApplicationWithoutServlets() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(WebGuardsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ApiKeys.class));
	}

}
