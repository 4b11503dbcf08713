package newsroom.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

import newsroom.web.WebGuardsProperties.ApiKeySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.StringUtils;

/**
 * The API keys a service accepts. Only their SHA-256 digests are kept, so a plain key
 * never stays in memory after start-up and nothing here can print one; a key given in a
 * request is compared with every digest in constant time.
 */
final class ApiKeys {

	private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

	/** Shorter keys are accepted, with a warning: they can be guessed. */
	private static final int SHORT_KEY = 16;

	private final List<byte[]> digests;

	private ApiKeys(List<byte[]> digests) {
		this.digests = List.copyOf(digests);
	}

	/**
	 * The keys of the settings and of their file, if one is named.
	 * @param settings the API key settings
	 * @return the keys, possibly none
	 * @throws IllegalStateException when a file is named but cannot be read or holds no
	 * key: a service meant to be closed must not start open
	 */
	static ApiKeys load(ApiKeySettings settings) {
		List<String> given = settings.keys().stream().map(String::strip).filter(StringUtils::hasText).toList();
		List<String> fromFile = StringUtils.hasText(settings.file()) ? readFile(Path.of(settings.file().strip()))
				: List.of();
		List<String> all = Stream.concat(given.stream(), fromFile.stream()).distinct().toList();
		if (all.isEmpty()) {
			// Once per start: open is the right default on a laptop, and a mistake
			// anywhere
			// else.
			log.warn("No API key configured: every write and admin endpoint is OPEN to anyone who can reach "
					+ "this port. Set NEWSROOM_API_KEYS or NEWSROOM_API_KEYS_FILE (see docs/security.md)");
		}
		else {
			log.info("API keys: {} accepted ({} from newsroom.web.api-keys.keys, {} from the file {})", all.size(),
					given.size(), fromFile.size(), StringUtils.hasText(settings.file()) ? settings.file() : "(none)");
			long shortKeys = all.stream().filter((key) -> key.length() < SHORT_KEY).count();
			if (shortKeys > 0) {
				log.warn("{} of the API keys are shorter than {} characters and could be guessed; "
						+ "use long random keys (openssl rand -hex 32)", shortKeys, SHORT_KEY);
			}
		}
		return new ApiKeys(all.stream().map(ApiKeys::digest).toList());
	}

	private static List<String> readFile(Path file) {
		List<String> keys = new ArrayList<>();
		try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
			lines.map(String::strip).filter((line) -> !line.isEmpty() && !line.startsWith("#")).forEach(keys::add);
		}
		catch (IOException ex) {
			throw new IllegalStateException("The API key file " + file
					+ " (newsroom.web.api-keys.file) cannot be read: " + ex.getClass().getSimpleName(), ex);
		}
		if (keys.isEmpty()) {
			throw new IllegalStateException("The API key file " + file
					+ " (newsroom.web.api-keys.file) holds no key: refusing to start with the API open");
		}
		return keys;
	}

	boolean isEmpty() {
		return this.digests.isEmpty();
	}

	/**
	 * Which configured key was given, if any. Every key is compared, with a comparison
	 * whose time depends neither on where the inputs differ nor on their lengths
	 * (digests), so response times tell nothing about the keys.
	 * @param given the header's value, may be {@code null}
	 * @return the position of the matching key, stable while the service runs
	 */
	OptionalInt match(String given) {
		if (given == null || given.isBlank()) {
			return OptionalInt.empty();
		}
		byte[] candidate = digest(given.strip());
		int found = -1;
		for (int i = 0; i < this.digests.size(); i++) {
			if (MessageDigest.isEqual(this.digests.get(i), candidate)) {
				found = i;
			}
		}
		return (found >= 0) ? OptionalInt.of(found) : OptionalInt.empty();
	}

	@Override
	public String toString() {
		return "ApiKeys[" + this.digests.size() + " keys]";
	}

	private static byte[] digest(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
