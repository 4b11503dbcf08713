package newsroom.ingest.article;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Parses article URLs and brings them to one canonical form, so that the same page
 * submitted with tracking parameters, a fragment or a trailing slash gets the same id.
 * <p>
 * Canonical form: scheme and host lower-case (a trailing dot on the host dropped), the
 * default port (80 for http, 443 for https) dropped, user info and fragment dropped, dot
 * segments resolved, trailing slashes of the path dropped (an empty path is {@code /}),
 * tracking parameters dropped ({@code utm_*}, {@code fbclid}, {@code gclid},
 * {@code dclid}, {@code gbraid}, {@code wbraid}, {@code msclkid}, {@code mc_cid},
 * {@code mc_eid}, {@code igshid}, {@code yclid}) and the remaining query parameters
 * sorted by name (stable, so repeated parameters keep their order). Percent-encoding is
 * kept as sent.
 */
final class ArticleUrls {

	static final int MAX_LENGTH = 2048;

	private static final Set<String> TRACKING_PARAMETERS = Set.of("fbclid", "gclid", "dclid", "gbraid", "wbraid",
			"msclkid", "mc_cid", "mc_eid", "igshid", "yclid");

	private ArticleUrls() {
	}

	/**
	 * Parses an absolute http or https URL with a host.
	 * @param value the URL as given
	 * @return the URL, or empty when it is not such a URL
	 */
	static Optional<URI> parseHttpUrl(String value) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		try {
			URI uri = new URI(value.strip());
			String scheme = uri.getScheme();
			if (scheme == null || uri.isOpaque() || uri.getHost() == null || uri.getHost().isBlank()) {
				return Optional.empty();
			}
			String lowerScheme = scheme.toLowerCase(Locale.ROOT);
			return ("http".equals(lowerScheme) || "https".equals(lowerScheme)) ? Optional.of(uri) : Optional.empty();
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The canonical form of an http or https URL (see the class description).
	 * @param uri a URL accepted by {@link #parseHttpUrl(String)}
	 * @return its canonical form
	 */
	static String canonicalize(URI uri) {
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		while (host.endsWith(".")) {
			host = host.substring(0, host.length() - 1);
		}
		int port = uri.getPort();
		if (("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443)) {
			port = -1;
		}
		String path = uri.normalize().getRawPath();
		if (path == null || path.isEmpty()) {
			path = "/";
		}
		while (path.length() > 1 && path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		StringBuilder canonical = new StringBuilder(scheme).append("://").append(host);
		if (port != -1) {
			canonical.append(':').append(port);
		}
		canonical.append(path);
		String query = canonicalQuery(uri.getRawQuery());
		if (!query.isEmpty()) {
			canonical.append('?').append(query);
		}
		return canonical.toString();
	}

	/**
	 * The host of a URL without a leading {@code www.}, as a default source name.
	 * @param uri an http or https URL
	 * @return the host, lower-case
	 */
	static String sourceName(URI uri) {
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		while (host.endsWith(".")) {
			host = host.substring(0, host.length() - 1);
		}
		return host.startsWith("www.") ? host.substring(4) : host;
	}

	private static String canonicalQuery(String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return "";
		}
		List<String> parameters = new ArrayList<>();
		for (String parameter : rawQuery.split("&")) {
			if (!parameter.isEmpty() && !isTracking(name(parameter))) {
				parameters.add(parameter);
			}
		}
		parameters.sort(Comparator.comparing(ArticleUrls::name));
		return String.join("&", parameters);
	}

	private static String name(String parameter) {
		int equals = parameter.indexOf('=');
		return (equals < 0) ? parameter : parameter.substring(0, equals);
	}

	private static boolean isTracking(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.startsWith("utm_") || TRACKING_PARAMETERS.contains(lower);
	}

}
