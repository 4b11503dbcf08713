package newsroom.localstack;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceProcessTests {

	@Test
	void addsOptionsForEveryServiceThenForOneAfterTheDefaults() {
		Map<String, String> environment = Map.of("NEWSROOM_JAVA_OPTS", " -Xmx300m  -Dall=1 ",
				"NEWSROOM_JAVA_OPTS_ENRICH", "-XX:StartFlightRecording=filename=enrich.jfr");

		assertThat(ServiceProcess.jvmOptions("enrich-service", environment)).endsWith("-Xmx300m", "-Dall=1",
				"-XX:StartFlightRecording=filename=enrich.jfr");
		assertThat(ServiceProcess.jvmOptions("search-service", environment)).endsWith("-Xmx300m", "-Dall=1")
			.doesNotContain("-XX:StartFlightRecording=filename=enrich.jfr");
		assertThat(ServiceProcess.jvmOptions("ingest-service", Map.of())).contains("-XX:+ExitOnOutOfMemoryError",
				"-Xmx512m");
		assertThat(ServiceProcess.jvmOptions("enrich-service", Map.of())).contains("-Xmx1g");
	}

}
