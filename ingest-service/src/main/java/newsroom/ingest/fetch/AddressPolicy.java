package newsroom.ingest.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Decides which addresses a fetch may connect to: only public unicast ones. Refused, with
 * the reason named: unspecified, loopback, private (RFC 1918, IPv6 unique local),
 * carrier-grade NAT, link-local, cloud metadata ({@code 169.254.169.254},
 * {@code fd00:ec2::254}), multicast, broadcast, documentation, benchmarking and reserved
 * ranges; IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4) are
 * judged by that address.
 */
final class AddressPolicy {

	private AddressPolicy() {
	}

	/**
	 * Why an address may not be connected to.
	 * @param address the address
	 * @return the reason, or empty for a public address
	 */
	static Optional<String> refusal(InetAddress address) {
		if (address instanceof Inet4Address) {
			return refusalV4(address.getAddress());
		}
		if (address instanceof Inet6Address) {
			return refusalV6(address.getAddress());
		}
		return Optional.of("not an IP address");
	}

	private static Optional<String> refusalV4(byte[] b) {
		int a0 = b[0] & 0xFF;
		int a1 = b[1] & 0xFF;
		int a2 = b[2] & 0xFF;
		int a3 = b[3] & 0xFF;
		if (a0 == 169 && a1 == 254 && a2 == 169 && a3 == 254) {
			return Optional.of("a cloud metadata address");
		}
		if (a0 == 0) {
			return Optional.of("an unspecified (\"this network\") address");
		}
		if (a0 == 127) {
			return Optional.of("a loopback address");
		}
		if (a0 == 10 || (a0 == 172 && (a1 & 0xF0) == 16) || (a0 == 192 && a1 == 168)) {
			return Optional.of("a private address");
		}
		if (a0 == 100 && (a1 & 0xC0) == 64) {
			return Optional.of("a carrier-grade NAT (shared) address");
		}
		if (a0 == 169 && a1 == 254) {
			return Optional.of("a link-local address");
		}
		if (a0 >= 224 && a0 <= 239) {
			return Optional.of("a multicast address");
		}
		if (a0 == 255 && a1 == 255 && a2 == 255 && a3 == 255) {
			return Optional.of("the broadcast address");
		}
		if (a0 >= 240) {
			return Optional.of("a reserved address");
		}
		if ((a0 == 192 && a1 == 0 && a2 == 0) || (a0 == 192 && a1 == 0 && a2 == 2)
				|| (a0 == 198 && a1 == 51 && a2 == 100) || (a0 == 203 && a1 == 0 && a2 == 113)
				|| (a0 == 198 && (a1 & 0xFE) == 18) || (a0 == 192 && a1 == 88 && a2 == 99)) {
			return Optional.of("a reserved (protocol, documentation or benchmarking) address");
		}
		return Optional.empty();
	}

	private static Optional<String> refusalV6(byte[] b) {
		if (isMetadataV6(b)) {
			return Optional.of("a cloud metadata address");
		}
		boolean firstTenZero = true;
		for (int i = 0; i < 10; i++) {
			firstTenZero &= b[i] == 0;
		}
		if (firstTenZero && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
			return embedded(b, 12, "an IPv4-mapped IPv6 address");
		}
		if (firstTenZero && b[10] == 0 && b[11] == 0) {
			boolean allZero = true;
			for (int i = 12; i < 15; i++) {
				allZero &= b[i] == 0;
			}
			if (allZero && b[15] == 0) {
				return Optional.of("the unspecified address");
			}
			if (allZero && b[15] == 1) {
				return Optional.of("a loopback address");
			}
			return embedded(b, 12, "an IPv4-compatible IPv6 address");
		}
		int first = b[0] & 0xFF;
		int second = b[1] & 0xFF;
		if (first == 0x00 && second == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B) {
			return embedded(b, 12, "a NAT64 address");
		}
		if (first == 0x20 && second == 0x02) {
			return embedded(b, 2, "a 6to4 address");
		}
		if (first == 0xFF) {
			return Optional.of("a multicast address");
		}
		if (first == 0xFE && (second & 0xC0) == 0x80) {
			return Optional.of("a link-local address");
		}
		if (first == 0xFE && (second & 0xC0) == 0xC0) {
			return Optional.of("a site-local address");
		}
		if ((first & 0xFE) == 0xFC) {
			return Optional.of("a private (unique local) address");
		}
		if ((first == 0x20 && second == 0x01 && (b[2] & 0xFF) == 0x0D && (b[3] & 0xFF) == 0xB8)
				|| (first == 0x01 && second == 0x00 && b[2] == 0 && b[3] == 0)) {
			return Optional.of("a reserved (documentation or discard) address");
		}
		if (first == 0 && second == 0) {
			return Optional.of("a reserved address");
		}
		return Optional.empty();
	}

	/** {@code fd00:ec2::254}, the instance metadata service over IPv6. */
	private static boolean isMetadataV6(byte[] b) {
		byte[] metadata = { (byte) 0xFD, 0, 0x0E, (byte) 0xC2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54 };
		return Arrays.equals(b, metadata);
	}

	private static Optional<String> embedded(byte[] b, int offset, String form) {
		byte[] v4 = { b[offset], b[offset + 1], b[offset + 2], b[offset + 3] };
		try {
			String embedded = InetAddress.getByAddress(v4).getHostAddress();
			return refusalV4(v4).map((reason) -> form + " of " + reason + " (" + embedded + ")");
		}
		catch (UnknownHostException ex) {
			return Optional.of(form);
		}
	}

}
