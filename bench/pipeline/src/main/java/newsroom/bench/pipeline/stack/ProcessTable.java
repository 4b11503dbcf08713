package newsroom.bench.pipeline.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The pipeline's processes, found by the port each listens on (so the same code serves a
 * stack started here and one started by someone else), and their resident memory and CPU
 * time from {@code /proc}. Elasticsearch counts as its server JVM plus the launcher JVM
 * that started it, since both are there for it.
 */
public final class ProcessTable {

	/**
	 * Clock ticks per second of {@code /proc/<pid>/stat}: 100 on every Linux build here.
	 */
	private static final double TICKS_PER_SECOND = 100;

	private final Map<String, List<Long>> pids;

	private ProcessTable(Map<String, List<Long>> pids) {
		this.pids = pids;
	}

	/**
	 * Find the process behind each server, and this benchmark's own JVM as {@code bench}.
	 * @param endpoints where the servers listen
	 * @return the table
	 * @throws IllegalStateException when a server's port has no process
	 */
	public static ProcessTable discover(Endpoints endpoints) {
		Map<String, List<Long>> pids = new LinkedHashMap<>();
		for (Endpoints.Server server : endpoints.servers()) {
			long pid = listeningPid(server.port()).orElseThrow(() -> new IllegalStateException(
					"No process found listening on port " + server.port() + " (" + server.name() + ")"));
			List<Long> group = new ArrayList<>(List.of(pid));
			if ("elasticsearch".equals(server.name())) {
				ProcessHandle.of(pid)
					.flatMap(ProcessHandle::parent)
					.filter((parent) -> commandLine(parent.pid()).contains("elasticsearch"))
					.ifPresent((parent) -> group.add(parent.pid()));
			}
			pids.put(server.name(), List.copyOf(group));
		}
		pids.put("bench", List.of(ProcessHandle.current().pid()));
		return new ProcessTable(pids);
	}

	/**
	 * The process ids by name, in report order.
	 * @return name to process ids
	 */
	public Map<String, List<Long>> pids() {
		return this.pids;
	}

	/**
	 * Resident memory of each named process now (VmRSS), summed over its JVMs.
	 * @return name to megabytes; a process that is gone counts 0
	 */
	public Map<String, Double> residentMegabytes() {
		Map<String, Double> rss = new LinkedHashMap<>();
		this.pids
			.forEach((name, group) -> rss.put(name, group.stream().mapToDouble(ProcessTable::residentMegabytes).sum()));
		return rss;
	}

	/**
	 * Resident memory of one process now (VmRSS).
	 * @param pid the process
	 * @return megabytes; 0 when it is gone
	 */
	public static double residentMegabytes(long pid) {
		return residentKilobytes(pid) / 1024.0;
	}

	/**
	 * CPU time (user and system) each named process has used since it started.
	 * @return name to seconds
	 */
	public Map<String, Double> cpuSeconds() {
		Map<String, Double> cpu = new LinkedHashMap<>();
		this.pids.forEach((name, group) -> cpu.put(name,
				group.stream().mapToLong(ProcessTable::cpuTicks).sum() / TICKS_PER_SECOND));
		return cpu;
	}

	/**
	 * The process that listens on a TCP port, from {@code /proc/net/tcp{,6}} and the
	 * socket links under {@code /proc/<pid>/fd}.
	 * @param port the port
	 * @return its process id, empty when nothing (visible) listens there
	 */
	public static OptionalLong listeningPid(int port) {
		Optional<String> inode = listeningSocket(port);
		if (inode.isEmpty()) {
			return OptionalLong.empty();
		}
		String socket = "socket:[" + inode.get() + "]";
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			return processes.filter((dir) -> dir.getFileName().toString().chars().allMatch(Character::isDigit))
				.filter((dir) -> holdsSocket(dir, socket))
				.mapToLong((dir) -> Long.parseLong(dir.getFileName().toString()))
				.findFirst();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Whether something listens on a port.
	 * @param port the port
	 * @return {@code true} if a listening socket is bound to it
	 */
	public static boolean isListening(int port) {
		return listeningSocket(port).isPresent();
	}

	/** The inode of the socket listening on a port (state 0A), IPv4 or IPv6. */
	private static Optional<String> listeningSocket(int port) {
		return Stream.of("/proc/net/tcp", "/proc/net/tcp6")
			.flatMap((table) -> lines(Path.of(table)).stream().skip(1))
			.map((line) -> line.trim().split("\\s+"))
			.filter((fields) -> "0A".equals(fields[3])
					&& Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1), 16) == port)
			.map((fields) -> fields[9])
			.findFirst();
	}

	private static boolean holdsSocket(Path processDir, String socket) {
		try (Stream<Path> fds = Files.list(processDir.resolve("fd"))) {
			return fds.anyMatch((fd) -> {
				try {
					return socket.equals(Files.readSymbolicLink(fd).toString());
				}
				catch (IOException ex) {
					return false;
				}
			});
		}
		catch (IOException | SecurityException ex) {
			// A process that ended meanwhile, or one we may not look into.
			return false;
		}
	}

	private static long residentKilobytes(long pid) {
		return lines(Path.of("/proc", Long.toString(pid), "status")).stream()
			.filter((line) -> line.startsWith("VmRSS:"))
			.mapToLong((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")))
			.findFirst()
			.orElse(0);
	}

	private static long cpuTicks(long pid) {
		List<String> stat = lines(Path.of("/proc", Long.toString(pid), "stat"));
		if (stat.isEmpty()) {
			return 0;
		}
		// Fields after the command name, which may hold spaces: state is field 3,
		// utime 14, stime 15.
		String[] fields = stat.get(0).substring(stat.get(0).lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}

	private static String commandLine(long pid) {
		try {
			return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
					StandardCharsets.UTF_8)
				.replace('\0', ' ');
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			// A process that has ended has no files left.
			return List.of();
		}
	}

}
