package newsroom.ingest.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import newsroom.ingest.config.IngestProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The SSRF guard without any network: IP literals in every spelling, the address policy,
 * the allow-list, and names resolved by a stub resolver.
 */
class TargetGuardTests {

	private static final Map<String, String> DNS = Map.of("news.example", "93.184.216.34", "intranet.example",
			"10.1.2.3", "mixed.example", "93.184.216.34,127.0.0.1", "metadata.example", "169.254.169.254", "v6.example",
			"2606:4700::1111", "fixture.test", "127.0.0.1");

	private final TargetGuard guard = guard(List.of("fixture.test", "192.168.1.20", "[fd12::1]"));

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			http://127.0.0.1/                 | loopback
			http://127.255.255.254:8080/x     | loopback
			http://[::1]/                     | loopback
			http://169.254.169.254/latest/    | cloud metadata
			http://[fd00:ec2::254]/           | cloud metadata
			http://10.0.0.1/                  | private
			http://172.16.5.4/                | private
			http://192.168.0.1/               | private
			http://100.64.0.1/                | carrier-grade NAT
			http://169.254.1.1/               | link-local
			http://[fe80::1]/                 | link-local
			http://[fc00::5]/                 | private
			http://224.0.0.1/                 | multicast
			http://[ff02::1]/                 | multicast
			http://0.0.0.0/                   | unspecified
			http://[::]/                      | unspecified
			http://2130706433/                | loopback
			http://0x7f000001/                | loopback
			http://0x7F.0.0.1/                | loopback
			http://017700000001/              | loopback
			http://0177.0.0.01/               | loopback
			http://127.1/                     | loopback
			http://127.0.1/                   | loopback
			http://0/                         | unspecified
			http://[::ffff:127.0.0.1]/        | loopback
			http://[::ffff:7f00:1]/           | loopback
			http://[::ffff:a9fe:a9fe]/        | cloud metadata
			http://[::127.0.0.1]/             | loopback
			http://[::10.0.0.1]/              | private
			http://[64:ff9b::a00:1]/          | private
			http://[2002:7f00:1::]/           | loopback
			http://255.255.255.255/           | broadcast
			http://240.0.0.1/                 | reserved
			http://198.18.0.1/                | reserved
			http://127.0.0.1./                | loopback
			""")
	void refusesInternalAddressesInEverySpelling(String url, String reason) {
		URI uri = URI.create(url.strip());

		assertThatExceptionOfType(ForbiddenTargetException.class).isThrownBy(() -> {
			this.guard.checkUrl(uri);
			this.guard.addresses(TargetGuard.host(uri).orElseThrow());
		}).withMessageContaining(reason.strip());
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://256.0.0.1/", "http://1.2.3.4.5/", "http://0x100000000/", "http://1.2.3.0x100/",
			"http://99999999999/" })
	void refusesHostsThatLookLikeBrokenAddresses(String url) {
		assertThatExceptionOfType(ForbiddenTargetException.class)
			.isThrownBy(() -> this.guard.addresses(TargetGuard.host(URI.create(url)).orElseThrow()))
			.withMessageContaining("not a valid IP address");
	}

	@ParameterizedTest
	@ValueSource(strings = { "file:///etc/passwd", "ftp://news.example/a", "gopher://news.example/", "jar:file:/x!/y",
			"http://user:pw@news.example/" })
	void refusesOtherSchemesAndUserInfo(String url) {
		assertThatExceptionOfType(ForbiddenTargetException.class)
			.isThrownBy(() -> this.guard.checkUrl(URI.create(url)));
	}

	@Test
	void refusesLocalhostNamesWithoutALookup() {
		TargetGuard noDns = new TargetGuard((host) -> {
			throw new AssertionError("looked up " + host);
		}, properties(List.of()));

		for (String host : List.of("localhost", "LOCALHOST.", "api.localhost")) {
			assertThatExceptionOfType(ForbiddenTargetException.class).isThrownBy(() -> noDns.addresses(host))
				.withMessageContaining("loopback");
		}
	}

	@Test
	void refusesANameThatResolvesToAnInternalAddress() {
		assertThatExceptionOfType(ForbiddenTargetException.class)
			.isThrownBy(() -> this.guard.addresses("intranet.example"))
			.withMessageContaining("intranet.example (10.1.2.3) is a private address");
		assertThatExceptionOfType(ForbiddenTargetException.class)
			.isThrownBy(() -> this.guard.addresses("metadata.example"))
			.withMessageContaining("cloud metadata");
	}

	@Test
	void refusesANameWhenAnyOfItsAddressesIsInternal() {
		assertThatExceptionOfType(ForbiddenTargetException.class)
			.isThrownBy(() -> this.guard.addresses("mixed.example"))
			.withMessageContaining("127.0.0.1");
	}

	@Test
	void returnsTheCheckedAddressesOfAPublicName() throws UnknownHostException {
		assertThat(this.guard.addresses("news.example")).extracting(InetAddress::getHostAddress)
			.containsExactly("93.184.216.34");
		assertThat(this.guard.addresses("v6.example")).hasSize(1);
		assertThatNoException().isThrownBy(() -> this.guard.checkUrl(URI.create("https://news.example/story")));
		assertThatNoException().isThrownBy(() -> this.guard.checkUrl(URI.create("http://93.184.216.34/")));
	}

	@Test
	void letsAllowListedHostsThroughWhateverTheirAddresses() throws UnknownHostException {
		assertThat(this.guard.addresses("fixture.test")).extracting(InetAddress::getHostAddress)
			.containsExactly("127.0.0.1");
		assertThat(this.guard.addresses("FIXTURE.test.")).hasSize(1);
		assertThat(this.guard.addresses("192.168.1.20")).hasSize(1);
		// An allowed address is allowed in any spelling.
		assertThat(this.guard.addresses("0xc0a80114")).extracting(InetAddress::getHostAddress)
			.containsExactly("192.168.1.20");
		assertThat(this.guard.addresses("[fd12:0::1]")).hasSize(1);
		assertThatExceptionOfType(ForbiddenTargetException.class)
			.isThrownBy(() -> this.guard.addresses("192.168.1.21"));
	}

	@Test
	void failsForANameThatDoesNotResolve() {
		assertThatExceptionOfType(UnknownHostException.class).isThrownBy(() -> this.guard.addresses("nowhere.example"))
			.isNotInstanceOf(ForbiddenTargetException.class);
	}

	private static TargetGuard guard(List<String> allowed) {
		return new TargetGuard(TargetGuardTests::resolve, properties(allowed));
	}

	static InetAddress[] resolve(String host) throws UnknownHostException {
		String addresses = DNS.get(host);
		if (addresses == null) {
			throw new UnknownHostException(host);
		}
		String[] parts = addresses.split(",");
		InetAddress[] resolved = new InetAddress[parts.length];
		for (int i = 0; i < parts.length; i++) {
			// Literals only: no lookup happens.
			resolved[i] = InetAddress.getByName(parts[i]);
		}
		return resolved;
	}

	static IngestProperties properties(List<String> allowed) {
		IngestProperties defaults = IngestProperties.defaults();
		return new IngestProperties(defaults.maxBodySize(), defaults.topics(), defaults.publish(), defaults.dedup(),
				defaults.batch(), allowed, defaults.fetch(), defaults.feed(), List.of());
	}

}
