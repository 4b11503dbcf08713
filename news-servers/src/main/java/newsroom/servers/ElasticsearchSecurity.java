package newsroom.servers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Security for an embedded Elasticsearch node: {@code xpack.security} on, HTTPS with a
 * certificate, and one user in the node's file realm. The node-to-node transport stays
 * plain: a single node on 127.0.0.1 has no peers.
 *
 * @param username the user
 * @param password its password
 * @param roles its roles: built-in ones such as {@code superuser}, or
 * {@value #SEARCH_SERVICE_ROLE}
 * @param certificate what the HTTPS listener presents and clients trust
 */
public record ElasticsearchSecurity(String username, String password, List<String> roles, TlsCertificate certificate) {

	/**
	 * What search-service needs and no more: cluster health, its index template, and
	 * everything on the indices and aliases named {@code news*}. The README gives the
	 * same role to operators.
	 */
	public static final String SEARCH_SERVICE_ROLE = "newsroom_search";

	static final String ROLES_FILE = """
			newsroom_search:
			  cluster: ["monitor", "manage_index_templates"]
			  indices:
			    - names: ["news*"]
			      privileges: ["all"]
			""";

	/** The file realm's own PBKDF2 form, which it checks without any tool of ours. */
	private static final int PBKDF2_ITERATIONS = 10_000;

	public ElasticsearchSecurity {
		if (username == null || !username.matches("[A-Za-z0-9_.@-]+")) {
			throw new IllegalArgumentException("Elasticsearch user names are letters, digits and _.@- only");
		}
		if (password == null || password.length() < 6) {
			throw new IllegalArgumentException("Elasticsearch passwords have at least 6 characters");
		}
		roles = List.copyOf(roles);
	}

	/**
	 * The {@code Authorization} header value for this user.
	 * @return {@code Basic} and the encoded user and password
	 */
	public String authorization() {
		return authorization(this.password);
	}

	/**
	 * The {@code Authorization} header value for this user with another password, to show
	 * it is refused.
	 * @param password the password to present
	 * @return {@code Basic} and the encoded user and password
	 */
	public String authorization(String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((this.username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** Node settings that turn security and HTTPS on. */
	Map<String, String> settings() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("xpack.security.enabled", "true");
		settings.put("xpack.security.http.ssl.enabled", "true");
		// Relative to the node's configuration folder, the only place it reads keys from.
		settings.put("xpack.security.http.ssl.certificate", "certs/http.crt");
		settings.put("xpack.security.http.ssl.key", "certs/http.key");
		settings.put("xpack.security.transport.ssl.enabled", "false");
		return settings;
	}

	/**
	 * Writes the certificate, the user, its roles and the Newsroom role into a node's
	 * configuration folder, replacing what an earlier start wrote.
	 */
	void writeTo(Path config) throws IOException {
		Path certs = config.resolve("certs");
		Files.createDirectories(certs);
		Files.copy(this.certificate.certificate(), certs.resolve("http.crt"), StandardCopyOption.REPLACE_EXISTING);
		Files.copy(this.certificate.privateKey(), certs.resolve("http.key"), StandardCopyOption.REPLACE_EXISTING);
		Files.writeString(config.resolve("users"), this.username + ":" + hash(this.password) + "\n",
				StandardCharsets.UTF_8);
		Files.writeString(config.resolve("users_roles"),
				this.roles.stream().map((role) -> role + ":" + this.username + "\n").collect(Collectors.joining()),
				StandardCharsets.UTF_8);
		Files.writeString(config.resolve("roles.yml"), ROLES_FILE, StandardCharsets.UTF_8);
	}

	/**
	 * The password as the file realm stores it (what {@code bin/elasticsearch-users}
	 * would write, without starting a JVM for it): {@code {PBKDF2}}, the iterations, a
	 * 32-byte salt and the 256-bit PBKDF2-HMAC-SHA512 key, both in Base64.
	 */
	static String hash(String password) {
		byte[] salt = new byte[32];
		new SecureRandom().nextBytes(salt);
		try {
			byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
				.generateSecret(new PBEKeySpec(password.toCharArray(), salt, PBKDF2_ITERATIONS, 256))
				.getEncoded();
			Base64.Encoder base64 = Base64.getEncoder();
			return "{PBKDF2}" + PBKDF2_ITERATIONS + "$" + base64.encodeToString(salt) + "$"
					+ base64.encodeToString(key);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("PBKDF2WithHmacSHA512 is missing from this JVM", ex);
		}
	}

	@Override
	public String toString() {
		return "ElasticsearchSecurity[HTTPS, user " + this.username + " " + this.roles + "]";
	}

}
