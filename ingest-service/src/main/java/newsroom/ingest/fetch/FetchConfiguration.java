package newsroom.ingest.fetch;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The name resolution behind the SSRF guard: the operating system's resolver (tests
 * replace it, so that they never query DNS).
 */
@Configuration(proxyBeanMethods = false)
class FetchConfiguration {

	@Bean
	HostResolver hostResolver() {
		return HostResolver.system();
	}

}
