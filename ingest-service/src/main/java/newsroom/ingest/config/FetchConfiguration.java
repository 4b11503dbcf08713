package newsroom.ingest.config;

import newsroom.ingest.fetch.HostResolver;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The name resolution behind the SSRF guard: the operating system's resolver.
 */
@Configuration(proxyBeanMethods = false)
class FetchConfiguration {

	@Bean
	HostResolver hostResolver() {
		return HostResolver.system();
	}

}
