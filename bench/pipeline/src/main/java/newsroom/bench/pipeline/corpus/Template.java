package newsroom.bench.pipeline.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A sentence with slots such as {@code {P1}} or {@code {n}}, split once into literal text
 * and slot names so that filling it is a walk over its parts, not a regular expression
 * per sentence: the corpus needs millions of sentences for a full run.
 *
 * @param text the template as written
 * @param parts literal text at even positions, slot names at odd positions
 */
record Template(String text, List<String> parts) {

	Template {
		parts = List.copyOf(parts);
	}

	static Template parse(String text) {
		List<String> parts = new ArrayList<>();
		int position = 0;
		while (true) {
			int open = text.indexOf('{', position);
			int close = (open < 0) ? -1 : text.indexOf('}', open);
			if (close < 0) {
				parts.add(text.substring(position));
				return new Template(text, parts);
			}
			parts.add(text.substring(position, open));
			parts.add(text.substring(open + 1, close));
			position = close + 1;
		}
	}

	/**
	 * Fill every slot.
	 * @param out where the sentence goes
	 * @param slots the value of a slot, by name
	 */
	void fill(StringBuilder out, Function<String, String> slots) {
		for (int i = 0; i < this.parts.size(); i++) {
			out.append(((i % 2) == 0) ? this.parts.get(i) : slots.apply(this.parts.get(i)));
		}
	}

}
