package newsroom.enrich.text;

/**
 * Reading time at the pace the event contract names.
 */
final class ReadingTime {

	/** Words a minute of an adult reading news, as the contract states. */
	static final int WORDS_PER_MINUTE = 230;

	private ReadingTime() {
	}

	static int minutes(int words) {
		return Math.max(1, (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
	}

}
