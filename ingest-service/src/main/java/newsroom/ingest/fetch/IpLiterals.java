package newsroom.ingest.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a URL host that is an IP address in any of the forms that resolvers, browsers and
 * curl accept, so that none of them slips past the address checks as a "name": IPv6 in
 * brackets (also IPv4-mapped and -compatible), dotted IPv4 and the legacy
 * {@code inet_aton} forms with one to four parts in decimal, octal ({@code 0177.0.0.1})
 * or hexadecimal ({@code 0x7f000001}), such as {@code 2130706433} for 127.0.0.1.
 */
final class IpLiterals {

	private static final Pattern NUMERIC_PART = Pattern.compile("(?:0[xX][0-9a-fA-F]*|[0-9]+)");

	private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9a-fA-F:.]+(?:%[0-9A-Za-z._~-]+)?");

	private IpLiterals() {
	}

	/**
	 * The host without brackets, lower-case and without a trailing dot.
	 * @param host a URL host
	 * @return the normalised host
	 */
	static String normalizeHost(String host) {
		String value = host.strip().toLowerCase(Locale.ROOT);
		if (value.startsWith("[") && value.endsWith("]")) {
			value = value.substring(1, value.length() - 1);
		}
		while (value.endsWith(".")) {
			value = value.substring(0, value.length() - 1);
		}
		return value;
	}

	/**
	 * Whether a host must be read as an IPv4 address: its last label is numeric (as the
	 * WHATWG URL standard decides), so {@code 1.2.3.0x4} is an address, never a name.
	 * @param host a normalised host
	 * @return {@code true} for an IPv4-looking host
	 */
	static boolean looksLikeIpv4(String host) {
		int dot = host.lastIndexOf('.');
		String last = (dot >= 0) ? host.substring(dot + 1) : host;
		return !last.isEmpty() && NUMERIC_PART.matcher(last).matches();
	}

	/**
	 * Parses a host that is an IP literal.
	 * @param host a URL host, with or without brackets
	 * @return the address, or empty when the host is a name
	 * @throws InvalidAddressException when the host looks like an address but is not a
	 * valid one
	 */
	static Optional<InetAddress> parse(String host) {
		String value = normalizeHost(host);
		if (value.contains(":")) {
			return Optional.of(parseIpv6(value));
		}
		if (!looksLikeIpv4(value)) {
			return Optional.empty();
		}
		return Optional.of(parseIpv4(value));
	}

	private static InetAddress parseIpv6(String value) {
		if (!IPV6_CHARACTERS.matcher(value).matches()) {
			throw new InvalidAddressException(value);
		}
		try {
			// Only hex digits, colons and dots: getByName parses it without a lookup.
			return InetAddress.getByName("[" + value + "]");
		}
		catch (UnknownHostException ex) {
			throw new InvalidAddressException(value);
		}
	}

	private static InetAddress parseIpv4(String value) {
		String[] parts = value.split("\\.", -1);
		if (parts.length > 4) {
			throw new InvalidAddressException(value);
		}
		long[] numbers = new long[parts.length];
		for (int i = 0; i < parts.length; i++) {
			numbers[i] = number(parts[i], value);
		}
		long address = 0;
		for (int i = 0; i < parts.length - 1; i++) {
			if (numbers[i] > 255) {
				throw new InvalidAddressException(value);
			}
			address = (address << 8) | numbers[i];
		}
		int lastBits = 8 * (4 - (parts.length - 1));
		long last = numbers[parts.length - 1];
		if (last >= (1L << lastBits)) {
			throw new InvalidAddressException(value);
		}
		address = (address << lastBits) | last;
		byte[] bytes = { (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address };
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			throw new InvalidAddressException(value);
		}
	}

	private static long number(String part, String value) {
		if (!NUMERIC_PART.matcher(part).matches()) {
			throw new InvalidAddressException(value);
		}
		try {
			if (part.startsWith("0x") || part.startsWith("0X")) {
				return (part.length() == 2) ? 0 : checked(Long.parseLong(part.substring(2), 16), value, part);
			}
			if (part.length() > 1 && part.startsWith("0")) {
				return checked(Long.parseLong(part.substring(1), 8), value, part);
			}
			return checked(Long.parseLong(part), value, part);
		}
		catch (NumberFormatException ex) {
			throw new InvalidAddressException(value);
		}
	}

	private static long checked(long number, String value, String part) {
		if (number > 0xFFFFFFFFL || part.length() > 34) {
			throw new InvalidAddressException(value);
		}
		return number;
	}

	/**
	 * A host looks like an IP address but is not a valid one.
	 */
	static final class InvalidAddressException extends RuntimeException {

		InvalidAddressException(String host) {
			super("The host " + host + " is not a valid IP address");
		}

	}

}
