package newsroom.bench.pipeline;

/**
 * Rounding for the report: figures with more digits than the measurement has are noise.
 */
final class Numbers {

	private Numbers() {
	}

	static double round(double value, int decimals) {
		double scale = Math.pow(10, decimals);
		return Math.round(value * scale) / scale;
	}

}
