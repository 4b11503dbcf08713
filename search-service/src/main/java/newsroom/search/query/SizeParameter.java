package newsroom.search.query;

import java.util.List;

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
	 * @throws InvalidSearchRequestException when the value is not a number from 1 to
	 * {@link #max()}
	 */
	public int parse(String value) {
		if (value == null) {
			return this.defaultSize;
		}
		try {
			int size = Integer.parseInt(value.strip());
			if (size >= 1 && size <= this.max) {
				return size;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new InvalidSearchRequestException(List.of(new InvalidSearchRequestException.FieldError("size",
				"must be a whole number from 1 to " + this.max + ", was '" + value + "'")));
	}

}
