package newsroom.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for 127.0.0.1 and localhost that the embedded servers present
 * on their TLS listeners and that clients trust as it is (it is its own authority). Made
 * once per folder with the JDK's {@code keytool} and reused afterwards, so a server keeps
 * its certificate across restarts.
 *
 * @param keyStore PKCS12 key store with the private key and the certificate
 * @param password the key store's (and the key's) password
 * @param certificate the certificate in PEM, for clients to trust
 * @param privateKey the unencrypted private key in PEM (PKCS #8), for servers that take
 * PEM files
 */
public record TlsCertificate(Path keyStore, String password, Path certificate, Path privateKey) {

	private static final String ALIAS = "newsroom";

	private static final String KEY_STORE = "server.p12";

	private static final String PASSWORD_FILE = "server.p12.password";

	/**
	 * The certificate in a folder, made there first when missing.
	 * @param folder where the key store, its password and the PEM files live
	 * @return the certificate
	 */
	public static synchronized TlsCertificate selfSigned(Path folder) {
		Path dir = folder.toAbsolutePath();
		TlsCertificate tls = new TlsCertificate(dir.resolve(KEY_STORE), null, dir.resolve("server.crt"),
				dir.resolve("server.key"));
		try {
			if (!Files.isRegularFile(dir.resolve(PASSWORD_FILE))) {
				ElasticsearchDistribution.createReadableDirectories(dir);
				generate(tls.keyStore(), dir.resolve(PASSWORD_FILE));
			}
			String password = Files.readString(dir.resolve(PASSWORD_FILE), StandardCharsets.US_ASCII).trim();
			tls = new TlsCertificate(tls.keyStore(), password, tls.certificate(), tls.privateKey());
			if (!Files.isRegularFile(tls.privateKey())) {
				tls.writePemFiles();
			}
			return tls;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not make a TLS certificate in " + dir, ex);
		}
	}

	/**
	 * A TLS context that trusts this certificate only, for clients of the embedded
	 * servers.
	 * @return a context for {@code TLS}
	 */
	public SSLContext trustingContext() {
		try (InputStream in = Files.newInputStream(this.certificate)) {
			KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
			trusted.load(null, null);
			trusted.setCertificateEntry(ALIAS, CertificateFactory.getInstance("X.509").generateCertificate(in));
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(trusted);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not trust " + this.certificate, ex);
		}
	}

	@Override
	public String toString() {
		return "TlsCertificate[" + this.certificate + "]";
	}

	private static void generate(Path keyStore, Path passwordFile) throws IOException {
		Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		if (!Files.isExecutable(keytool)) {
			throw new IllegalStateException(
					"TLS for the embedded servers needs a JDK with keytool; none at " + keytool);
		}
		byte[] random = new byte[18];
		new SecureRandom().nextBytes(random);
		String password = HexFormat.of().formatHex(random);
		Files.deleteIfExists(keyStore);
		// Valid for 127.0.0.1 by address and by name, so clients keep hostname checks on.
		List<String> command = List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS, "-keyalg", "EC",
				"-groupname", "secp256r1", "-validity", "3650", "-dname", "CN=localhost, O=Newsroom embedded servers",
				"-ext", "SAN=ip:127.0.0.1,dns:localhost", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
				"-storepass:env", "NEWSROOM_TLS_PASSWORD", "-keypass:env", "NEWSROOM_TLS_PASSWORD");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("NEWSROOM_TLS_PASSWORD", password);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IllegalStateException("keytool could not make a certificate: " + output);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while making a certificate", ex);
		}
		// Written last: its presence says the key store is complete.
		Files.writeString(passwordFile, password, StandardCharsets.US_ASCII);
	}

	private void writePemFiles() throws IOException {
		try (InputStream in = Files.newInputStream(this.keyStore)) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, this.password.toCharArray());
			Certificate certificate = store.getCertificate(ALIAS);
			Key key = store.getKey(ALIAS, this.password.toCharArray());
			Files.writeString(this.certificate, pem("CERTIFICATE", certificate.getEncoded()),
					StandardCharsets.US_ASCII);
			Path keyFile = this.privateKey.resolveSibling(this.privateKey.getFileName() + ".tmp");
			Files.deleteIfExists(keyFile);
			Files.createFile(keyFile,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
			Files.move(keyFile, this.privateKey);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not read " + this.keyStore, ex);
		}
	}

	private static String pem(String type, byte[] der) {
		String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
	}

}
