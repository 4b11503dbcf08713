package newsroom.ingest.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on scheduling, so that Boot provides its {@code TaskScheduler} (configured under
 * {@code spring.task.scheduling.*}) for the feed polls.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

}
