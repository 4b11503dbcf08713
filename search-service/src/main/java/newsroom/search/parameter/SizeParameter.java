package newsroom.search.parameter;

import java.util.OptionalInt;

/**
 * The {@code size} parameter of the read endpoints: a whole number within fixed bounds,
 * so no caller can ask Elasticsearch for an unbounded page.
 *
 * @param defaultSize the size when the parameter is absent
 * @param max the largest size accepted
 */
public record SizeParameter(int defaultSize, int max) {

	/**
	 * Read the parameter, answering a 400 problem when it is out of bounds.
	 * @param value the raw parameter, {@code null} when absent
	 * @return the size to use
	 * @throws InvalidParametersException when the value is not a number from 1 to
	 * {@link #max()}
	 */
	public int parse(String value) {
		if (value == null) {
			return this.defaultSize;
		}
		return read(value).orElseThrow(() -> InvalidParametersException.of("size", problem(value)));
	}

	/**
	 * Read a present parameter.
	 * @param value the raw parameter
	 * @return the size, or empty when the value is not a number from 1 to {@link #max()}
	 */
	public OptionalInt read(String value) {
		try {
			int size = Integer.parseInt(value.strip());
			return (size >= 1 && size <= this.max) ? OptionalInt.of(size) : OptionalInt.empty();
		}
		catch (NumberFormatException ex) {
			return OptionalInt.empty();
		}
	}

	/**
	 * What is wrong with a value {@link #read(String)} refuses.
	 * @param value the raw parameter
	 * @return the message of the 400 answer
	 */
	String problem(String value) {
		return "must be a whole number from 1 to " + this.max + ", was '" + value + "'";
	}

}
