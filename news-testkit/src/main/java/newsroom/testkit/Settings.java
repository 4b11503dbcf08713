package newsroom.testkit;

import java.util.Optional;

/**
 * Reads a testkit setting from a system property or, failing that, the environment
 * variable of the same name, so both {@code -DNAME=...} and {@code NAME=... mvn} work.
 */
final class Settings {

	private Settings() {
	}

	static Optional<String> get(String name) {
		String value = System.getProperty(name);
		if (value == null || value.isBlank()) {
			value = System.getenv(name);
		}
		return Optional.ofNullable(value).map(String::trim).filter((text) -> !text.isEmpty());
	}

}
