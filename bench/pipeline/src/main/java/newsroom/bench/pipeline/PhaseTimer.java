package newsroom.bench.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import newsroom.bench.pipeline.measure.MemorySampler;
import newsroom.bench.pipeline.report.Report;
import newsroom.bench.pipeline.stack.ProcessTable;

/**
 * Runs the phases of a run, each named for the memory sampler and timed in wall and CPU
 * time per process, so the report shows where the machine's cycles went.
 */
final class PhaseTimer {

	private final ProcessTable processes;

	private final MemorySampler memory;

	private final List<Report.Phase> phases = new ArrayList<>();

	PhaseTimer(ProcessTable processes, MemorySampler memory) {
		this.processes = processes;
		this.memory = memory;
	}

	<T> T run(String name, Supplier<T> work) {
		this.memory.phase(name);
		Map<String, Double> before = this.processes.cpuSeconds();
		long start = System.nanoTime();
		try {
			return work.get();
		}
		finally {
			Map<String, Double> used = new LinkedHashMap<>();
			this.processes.cpuSeconds()
				.forEach((process, seconds) -> used.put(process, Numbers.round(seconds - before.get(process), 1)));
			this.phases.add(new Report.Phase(name, Numbers.round((System.nanoTime() - start) / 1e9, 1), used));
			this.memory.phase("between phases");
		}
	}

	List<Report.Phase> phases() {
		return List.copyOf(this.phases);
	}

}
