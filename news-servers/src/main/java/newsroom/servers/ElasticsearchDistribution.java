package newsroom.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the Elasticsearch integ-test zip in the local Maven repository and unpacks it
 * once into a shared cache folder that an unprivileged user can read.
 */
final class ElasticsearchDistribution {

	private static final Logger logger = LoggerFactory.getLogger(ElasticsearchDistribution.class);

	private static final Set<PosixFilePermission> READABLE_DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x");

	private static final Set<PosixFilePermission> READABLE_FILE = PosixFilePermissions.fromString("rw-r--r--");

	private static final Properties buildInfo = loadBuildInfo();

	private ElasticsearchDistribution() {
	}

	static String version() {
		return buildInfo.getProperty("elasticsearch.version");
	}

	/**
	 * Where Newsroom keeps unpacked distributions and test node folders: outside
	 * {@code /root} (mode 700) when running as root, so the Elasticsearch user can reach
	 * them.
	 */
	static Path cacheRoot() {
		return Processes.runningAsRoot() ? Path.of("/var/tmp/newsroom")
				: Path.of(System.getProperty("user.home"), ".newsroom");
	}

	/**
	 * The unpacked distribution, unpacking it first when needed; several JVMs may race
	 * here.
	 */
	static synchronized Path home() {
		Path home = Settings.get("NEWSROOM_ES_HOME")
			.map(Path::of)
			.orElseGet(() -> cacheRoot().resolve("elasticsearch-" + version()))
			.toAbsolutePath();
		if (isUnpacked(home)) {
			return home;
		}
		Path parent = home.getParent();
		createReadableDirectories(parent);
		try (FileChannel lockFile = FileChannel.open(parent.resolve(home.getFileName() + ".lock"),
				StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
			if (!isUnpacked(home)) {
				unpack(zip(), home);
			}
			return home;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not unpack Elasticsearch into " + home, ex);
		}
	}

	private static boolean isUnpacked(Path home) {
		return Files.isExecutable(home.resolve("bin/elasticsearch"));
	}

	private static Path zip() {
		String file = "org/elasticsearch/distribution/integ-test-zip/elasticsearch/" + version() + "/elasticsearch-"
				+ version() + ".zip";
		List<Path> candidates = new ArrayList<>();
		Settings.get("NEWSROOM_ES_ZIP").map(Path::of).ifPresent(candidates::add);
		Optional.ofNullable(System.getProperty("maven.repo.local"))
			.map((repo) -> Path.of(repo, file))
			.ifPresent(candidates::add);
		Optional.ofNullable(buildInfo.getProperty("maven.local-repository"))
			.filter((repo) -> !repo.startsWith("@"))
			.map((repo) -> Path.of(repo, file))
			.ifPresent(candidates::add);
		candidates.add(Path.of(System.getProperty("user.home"), ".m2", "repository", file));
		return candidates.stream()
			.filter(Files::isRegularFile)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Elasticsearch distribution not found; looked at " + candidates
					+ ". Resolve org.elasticsearch.distribution.integ-test-zip:elasticsearch:" + version()
					+ ":zip with Maven or set NEWSROOM_ES_ZIP"));
	}

	private static void unpack(Path zip, Path home) throws IOException {
		long started = System.nanoTime();
		// Unpack beside the target and move it in one step, so no JVM ever sees half a
		// distribution.
		Path staging = home.resolveSibling(".unpack-" + UUID.randomUUID());
		createReadableDirectories(staging);
		try (FileSystem archive = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()),
				Map.of("enablePosixFileAttributes", "true"))) {
			Path root = archive.getPath("/");
			try (Stream<Path> entries = Files.walk(root)) {
				for (Path entry : (Iterable<Path>) entries::iterator) {
					Path target = staging.resolve(root.relativize(entry).toString());
					if (Files.isDirectory(entry)) {
						Files.createDirectories(target);
						Files.setPosixFilePermissions(target, READABLE_DIRECTORY);
					}
					else {
						try (InputStream in = Files.newInputStream(entry)) {
							Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
						}
						boolean executable = Files.getPosixFilePermissions(entry)
							.contains(PosixFilePermission.OWNER_EXECUTE);
						Files.setPosixFilePermissions(target, executable ? READABLE_DIRECTORY : READABLE_FILE);
					}
				}
			}
			Path unpacked;
			try (Stream<Path> top = Files.list(staging)) {
				unpacked = top.filter(Files::isDirectory)
					.findFirst()
					.orElseThrow(() -> new IOException("Empty Elasticsearch archive " + zip));
			}
			Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Processes.deleteRecursively(staging);
		}
		logger.info("Unpacked Elasticsearch {} into {} in {} ms", version(), home,
				(System.nanoTime() - started) / 1_000_000);
	}

	static void createReadableDirectories(Path dir) {
		try {
			Path missing = dir;
			List<Path> created = new ArrayList<>();
			while (missing != null && !Files.exists(missing)) {
				created.add(missing);
				missing = missing.getParent();
			}
			Files.createDirectories(dir);
			for (Path path : created) {
				Files.setPosixFilePermissions(path, READABLE_DIRECTORY);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create " + dir, ex);
		}
	}

	private static Properties loadBuildInfo() {
		Properties properties = new Properties();
		try (InputStream in = ElasticsearchDistribution.class.getResourceAsStream("servers.properties")) {
			if (in == null) {
				throw new IllegalStateException("newsroom/servers/servers.properties is missing");
			}
			properties.load(in);
			return properties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
