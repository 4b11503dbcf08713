package newsroom.enrich.text;

/**
 * Character offsets {@code [start, end)} in some string.
 */
record Range(int start, int end) {

	Range shift(int offset) {
		return new Range(this.start + offset, this.end + offset);
	}

}
