package newsroom.testkit;

import java.util.Locale;

import newsroom.servers.Settings;

/**
 * How the testkit obtains a server: {@code NEWSROOM_TESTKIT_MODE} names one, or
 * {@code auto} picks per server: external when its address variable is set, containers
 * when Docker answers, embedded otherwise.
 */
enum TestkitMode {

	EMBEDDED, CONTAINERS, EXTERNAL;

	static final String SETTING = "NEWSROOM_TESTKIT_MODE";

	static TestkitMode resolve(String addressVariable) {
		String configured = Settings.get(SETTING).orElse("auto").toLowerCase(Locale.ROOT);
		return switch (configured) {
			case "embedded" -> EMBEDDED;
			case "containers" -> CONTAINERS;
			case "external" -> {
				if (Settings.get(addressVariable).isEmpty()) {
					throw new IllegalStateException(SETTING + "=external needs " + addressVariable);
				}
				yield EXTERNAL;
			}
			case "auto" -> {
				if (Settings.get(addressVariable).isPresent()) {
					yield EXTERNAL;
				}
				yield ContainerServers.dockerAvailable() ? CONTAINERS : EMBEDDED;
			}
			default -> throw new IllegalStateException(
					SETTING + " must be auto, embedded, containers or external, not '" + configured + "'");
		};
	}

}
