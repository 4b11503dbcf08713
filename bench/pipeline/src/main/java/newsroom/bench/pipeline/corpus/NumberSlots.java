package newsroom.bench.pipeline.corpus;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The number and date slots of the templates, with values of the sizes news stories
 * quote.
 */
final class NumberSlots {

	private NumberSlots() {
	}

	static String slot(String name, SplittableRandom random, String[] days, String[] months) {
		return switch (name) {
			case "N" -> Integer.toString(2 + random.nextInt(59));
			case "BIG" -> String.format(Locale.UK, "%,d", 100 * (10 + random.nextInt(950)));
			case "PCT" -> String.format(Locale.ROOT, "%.1f percent", 0.5 + random.nextInt(400) / 10.0);
			case "MONEY" -> money(random);
			case "DAY" -> days[random.nextInt(days.length)];
			case "MONTH" -> months[random.nextInt(months.length)];
			case "YEAR" -> Integer.toString(2008 + random.nextInt(18));
			default -> throw new IllegalArgumentException("Unknown template slot {" + name + "}");
		};
	}

	private static String money(SplittableRandom random) {
		double amount = 1 + random.nextInt(900) / 10.0;
		return switch (random.nextInt(3)) {
			case 0 -> String.format(Locale.ROOT, "$%.1f billion", amount);
			case 1 -> String.format(Locale.ROOT, "%.0f million euros", amount * 10);
			default -> String.format(Locale.ROOT, "$%.0f million", amount * 5);
		};
	}

}
