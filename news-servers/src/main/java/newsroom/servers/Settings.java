package newsroom.servers;

import java.util.Optional;

/**
 * Reads a server setting from a system property or, failing that, the environment
 * variable of the same name, so both {@code -DNAME=...} and {@code NAME=... mvn} work.
 */
public final class Settings {

	private Settings() {
	}

	/**
	 * The setting's trimmed value.
	 * @param name the system property or environment variable
	 * @return the value, empty when unset or blank
	 */
	public static Optional<String> get(String name) {
		String value = System.getProperty(name);
		if (value == null || value.isBlank()) {
			value = System.getenv(name);
		}
		return Optional.ofNullable(value).map(String::trim).filter((text) -> !text.isEmpty());
	}

}
