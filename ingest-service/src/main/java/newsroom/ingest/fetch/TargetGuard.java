package newsroom.ingest.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import newsroom.ingest.config.IngestProperties;

import org.springframework.stereotype.Component;

/**
 * The SSRF guard. A URL may be fetched when its scheme is http or https and its host is
 * on {@code newsroom.ingest.allowed-hosts}, or when every address the host is (an IP
 * literal in any encoding) or resolves to is a public one (see {@link AddressPolicy}).
 * The addresses it returns are the only ones the fetcher connects to, so a DNS answer
 * cannot change between the check and the connection.
 */
@Component
public class TargetGuard {

	private final HostResolver resolver;

	private final Set<String> allowedHosts = new HashSet<>();

	public TargetGuard(HostResolver resolver, IngestProperties properties) {
		this.resolver = resolver;
		for (String host : properties.allowedHosts()) {
			this.allowedHosts.add(hostKey(host));
		}
	}

	/**
	 * Checks what can be checked without a lookup: the scheme, the host's presence, and
	 * IP literals.
	 * @param url the URL
	 * @throws ForbiddenTargetException when the URL may not be fetched
	 */
	public void checkUrl(URI url) throws ForbiddenTargetException {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new ForbiddenTargetException(url.toString(),
					"Only http and https URLs can be fetched, not " + (scheme.isEmpty() ? "this one" : scheme + ":"));
		}
		String host = host(url).orElseThrow(() -> new ForbiddenTargetException(url.toString(), "The URL has no host"));
		if (url.getRawUserInfo() != null) {
			throw new ForbiddenTargetException(url.toString(),
					"URLs with user information (user@host) are not fetched");
		}
		if (isAllowed(host)) {
			return;
		}
		Optional<InetAddress> literal = literal(host);
		if (literal.isPresent()) {
			check(host, literal.get());
		}
	}

	/**
	 * The host of a URL, also when {@link URI#getHost()} gives up on it: java.net.URI
	 * leaves the host of {@code http://127.1/} or {@code http://0177.0.0.01/} empty,
	 * while HTTP clients and browsers read it from the authority as an address.
	 * @param url the URL
	 * @return its host, without brackets' contents changed, or empty when it has none
	 */
	public static Optional<String> host(URI url) {
		if (url.getHost() != null && !url.getHost().isBlank()) {
			return Optional.of(url.getHost());
		}
		String authority = url.getRawAuthority();
		if (authority == null) {
			return Optional.empty();
		}
		String host = authority.substring(authority.lastIndexOf('@') + 1);
		if (!host.startsWith("[")) {
			int colon = host.lastIndexOf(':');
			host = (colon >= 0) ? host.substring(0, colon) : host;
		}
		else if (host.contains("]")) {
			host = host.substring(0, host.indexOf(']') + 1);
		}
		return host.isBlank() ? Optional.empty() : Optional.of(host);
	}

	/**
	 * The addresses a host may be reached at: all of them checked, or resolved without
	 * checks for an allow-listed host.
	 * @param host the host of a URL
	 * @return the addresses to connect to
	 * @throws ForbiddenTargetException when the host is or resolves to a refused address
	 * @throws UnknownHostException when the name does not resolve
	 */
	public InetAddress[] addresses(String host) throws UnknownHostException {
		Optional<InetAddress> literal = literal(host);
		if (literal.isPresent()) {
			if (!isAllowed(host)) {
				check(host, literal.get());
			}
			return new InetAddress[] { literal.get() };
		}
		String name = IpLiterals.normalizeHost(host);
		if (!isAllowed(host) && (name.equals("localhost") || name.endsWith(".localhost"))) {
			throw new ForbiddenTargetException(host, "The host " + host + " is the local machine (a loopback name)");
		}
		InetAddress[] addresses = this.resolver.resolve(name);
		if (addresses == null || addresses.length == 0) {
			throw new UnknownHostException(host);
		}
		if (!isAllowed(host)) {
			for (InetAddress address : addresses) {
				check(host, address);
			}
		}
		return addresses;
	}

	/**
	 * Whether a host is on the allow-list (names compared case-insensitively, IP literals
	 * by address, so {@code [::1]} matches {@code 0:0:0:0:0:0:0:1}).
	 * @param host a URL host
	 * @return {@code true} when it may be fetched whatever its addresses
	 */
	public boolean isAllowed(String host) {
		return !this.allowedHosts.isEmpty() && this.allowedHosts.contains(hostKey(host));
	}

	/**
	 * The allow-list as configured, normalised.
	 * @return the allowed hosts
	 */
	List<String> allowedHosts() {
		return List.copyOf(this.allowedHosts);
	}

	private static Optional<InetAddress> literal(String host) throws ForbiddenTargetException {
		try {
			return IpLiterals.parse(host);
		}
		catch (IpLiterals.InvalidAddressException ex) {
			throw new ForbiddenTargetException(host, ex.getMessage());
		}
	}

	private static void check(String host, InetAddress address) throws ForbiddenTargetException {
		Optional<String> refusal = AddressPolicy.refusal(address);
		if (refusal.isPresent()) {
			String shown = address.getHostAddress();
			String what = IpLiterals.normalizeHost(host).equals(shown) ? "The address " + shown
					: "The host " + host + " (" + shown + ")";
			throw new ForbiddenTargetException(host, what + " is " + refusal.get()
					+ "; such targets are only fetched when listed in newsroom.ingest.allowed-hosts");
		}
	}

	private static String hostKey(String host) {
		String normalized = IpLiterals.normalizeHost(host);
		try {
			return IpLiterals.parse(normalized).map(InetAddress::getHostAddress).orElse(normalized);
		}
		catch (IpLiterals.InvalidAddressException ex) {
			return normalized;
		}
	}

}
