package newsroom.testkit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * How {@code NEWSROOM_TESTKIT_MODE} and the address variables choose a mode. Uses a
 * made-up address variable so the shared servers of this JVM are not affected.
 */
class TestkitModeTests {

	private static final String ADDRESS = "NEWSROOM_TESTKIT_TEST_ADDRESS";

	@AfterEach
	void clearSettings() {
		System.clearProperty(TestkitMode.SETTING);
		System.clearProperty(ADDRESS);
	}

	@Test
	void usesExternalServerWhenAddressIsSetInAutoMode() {
		System.setProperty(ADDRESS, "127.0.0.1:1234");

		assertThat(TestkitMode.resolve(ADDRESS)).isEqualTo(TestkitMode.EXTERNAL);
	}

	@Test
	void fallsBackToEmbeddedOrContainersWithoutAddress() {
		assertThat(TestkitMode.resolve(ADDRESS))
			.isEqualTo(ContainerServers.dockerAvailable() ? TestkitMode.CONTAINERS : TestkitMode.EMBEDDED);
	}

	@Test
	void honoursExplicitModeOverAddress() {
		System.setProperty(ADDRESS, "127.0.0.1:1234");
		System.setProperty(TestkitMode.SETTING, "Embedded");

		assertThat(TestkitMode.resolve(ADDRESS)).isEqualTo(TestkitMode.EMBEDDED);
	}

	@Test
	void rejectsExternalModeWithoutAddress() {
		System.setProperty(TestkitMode.SETTING, "external");

		assertThatIllegalStateException().isThrownBy(() -> TestkitMode.resolve(ADDRESS)).withMessageContaining(ADDRESS);
	}

	@Test
	void rejectsUnknownMode() {
		System.setProperty(TestkitMode.SETTING, "docker");

		assertThatIllegalStateException().isThrownBy(() -> TestkitMode.resolve(ADDRESS))
			.withMessageContaining("auto, embedded, containers or external");
	}

}
