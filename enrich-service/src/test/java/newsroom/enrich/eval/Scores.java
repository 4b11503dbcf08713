package newsroom.enrich.eval;

import java.util.Locale;

/**
 * Precision, recall and F1 from counts of what was found and what was expected. The two
 * sides may count matches differently (a found name that matches some gold name; a gold
 * name that some found name matches), as the document-level entity metric needs.
 */
public final class Scores {

	int found;

	int foundRight;

	int gold;

	int goldFound;

	/** A find that matches an expected item, counted on both sides. */
	void hit() {
		this.found++;
		this.foundRight++;
		this.gold++;
		this.goldFound++;
	}

	/** A find that matches nothing expected. */
	void falseFind() {
		this.found++;
	}

	/** An expected item nothing found. */
	void miss() {
		this.gold++;
	}

	void add(Scores other) {
		this.found += other.found;
		this.foundRight += other.foundRight;
		this.gold += other.gold;
		this.goldFound += other.goldFound;
	}

	public double precision() {
		return (this.found == 0) ? 0 : (double) this.foundRight / this.found;
	}

	public double recall() {
		return (this.gold == 0) ? 0 : (double) this.goldFound / this.gold;
	}

	public double f1() {
		double p = precision();
		double r = recall();
		return (p + r == 0) ? 0 : 2 * p * r / (p + r);
	}

	String line(String label) {
		return String.format(Locale.ROOT, "  %-8s P %.3f  R %.3f  F1 %.3f   (found %d, gold %d)", label, precision(),
				recall(), f1(), this.found, this.gold);
	}

}
