package newsroom.bench.pipeline.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a run measured, from {@code /proc} and the JVM.
 */
public final class MachineInfo {

	private MachineInfo() {
	}

	/**
	 * Describe this machine.
	 * @param loadStart the one-minute load average at the start of the run
	 * @return the description, with the load average now as the end
	 */
	public static Report.Machine describe(double loadStart) {
		long memoryKb = lines("/proc/meminfo").stream()
			.filter((line) -> line.startsWith("MemTotal:"))
			.mapToLong((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")))
			.findFirst()
			.orElse(0);
		String cpu = lines("/proc/cpuinfo").stream()
			.filter((line) -> line.startsWith("model name"))
			.map((line) -> line.substring(line.indexOf(':') + 1).strip())
			.findFirst()
			.orElse("unknown");
		return new Report.Machine(Runtime.getRuntime().availableProcessors(), memoryKb / 1024, cpu,
				System.getProperty("java.version"),
				System.getProperty("os.name") + " " + System.getProperty("os.version"), loadStart, loadAverage());
	}

	/**
	 * The one-minute load average: how busy the machine is, others' work included.
	 * @return the load average, or -1 when unknown
	 */
	public static double loadAverage() {
		List<String> load = lines("/proc/loadavg");
		return load.isEmpty() ? -1 : Double.parseDouble(load.get(0).split(" ")[0]);
	}

	private static List<String> lines(String file) {
		try {
			return Files.readAllLines(Path.of(file));
		}
		catch (IOException ex) {
			return List.of();
		}
	}

}
