package newsroom.ingest.batch;

import java.util.Optional;

import newsroom.ingest.web.JsonProblems;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.SerializableString;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.util.JsonParserDelegate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The elements of a JSON array, read one at a time from a streaming parser. An element
 * over the per-item limit is skipped token by token and rejected. A syntax error ends the
 * array: what follows it cannot be split into items reliably, so the item where it
 * happened is rejected saying that the rest was not read.
 */
final class JsonArrayItems implements BatchItems {

	private static final int ARRAY_DEPTH = 1;

	private final LimitedParser parser;

	private final ObjectReader reader;

	private final int maxItemBytes;

	private boolean started;

	private boolean finished;

	private long index;

	JsonArrayItems(JsonParser parser, JsonMapper mapper, int maxItemBytes) {
		this.parser = new LimitedParser(parser, maxItemBytes);
		// One element is read at a time: the rest of the array follows it.
		this.reader = mapper.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
		this.maxItemBytes = maxItemBytes;
	}

	@Override
	public Optional<BatchItem> next() {
		if (!this.started) {
			start();
		}
		if (this.finished) {
			return Optional.empty();
		}
		long itemIndex = this.index;
		try {
			this.parser.startItem();
			JsonToken token = this.parser.nextToken();
			if (token == JsonToken.END_ARRAY || token == null) {
				this.finished = true;
				return (token == null)
						? Optional
							.of(BatchItem.unreadable(itemIndex, "is missing: the body ends before the array is closed"))
						: Optional.empty();
			}
			this.index++;
			JsonNode value = this.reader.readValue(this.parser);
			return Optional.of(BatchItem.of(itemIndex, value));
		}
		catch (ItemTooLargeException ex) {
			skipRestOfItem();
			return Optional.of(BatchItem.unreadable(itemIndex, tooLarge()));
		}
		catch (StreamConstraintsException ex) {
			this.finished = true;
			return Optional.of(BatchItem.unreadable(itemIndex,
					tooLarge() + "; the items after it were not read (in NDJSON every line is judged on its own)"));
		}
		catch (StreamReadException ex) {
			this.finished = true;
			return Optional.of(BatchItem.unreadable(itemIndex,
					"is not valid JSON: " + JsonProblems.describe(ex) + "; the items after it were not read"));
		}
	}

	private String tooLarge() {
		return "is larger than the limit of " + this.maxItemBytes + " bytes per item";
	}

	/**
	 * Expects the opening bracket; anything else is not a batch at all.
	 * @throws NotABatchException when the body is not a JSON array
	 */
	private void start() {
		this.started = true;
		JsonToken first;
		try {
			first = this.parser.nextToken();
		}
		catch (StreamReadException ex) {
			throw new NotABatchException("The request body is not valid JSON: " + JsonProblems.describe(ex) + ".");
		}
		if (first != JsonToken.START_ARRAY) {
			throw new NotABatchException(
					"The request body must be a JSON array of articles, or application/x-ndjson with one article "
							+ "per line.");
		}
	}

	private void skipRestOfItem() {
		this.parser.stopLimiting();
		try {
			while (this.parser.streamReadContext().getNestingDepth() > ARRAY_DEPTH) {
				if (this.parser.nextToken() == null) {
					this.finished = true;
					return;
				}
			}
		}
		catch (StreamReadException ex) {
			this.finished = true;
		}
	}

	/**
	 * An item grew beyond the per-item limit while it was read.
	 */
	private static final class ItemTooLargeException extends RuntimeException {

		ItemTooLargeException() {
			super(null, null, false, false);
		}

	}

	/**
	 * A parser that fails with {@link ItemTooLargeException} once the current item has
	 * consumed more than the limit, checked at every token.
	 */
	private static final class LimitedParser extends JsonParserDelegate {

		private final long limit;

		private long itemStart = -1;

		LimitedParser(JsonParser parser, long limit) {
			super(parser);
			this.limit = limit;
		}

		void startItem() {
			this.itemStart = Math.max(0, currentLocation().getByteOffset());
		}

		void stopLimiting() {
			this.itemStart = -1;
		}

		private void check() {
			if (this.itemStart >= 0 && currentLocation().getByteOffset() - this.itemStart > this.limit) {
				throw new ItemTooLargeException();
			}
		}

		@Override
		public JsonToken nextToken() {
			JsonToken token = super.nextToken();
			check();
			return token;
		}

		@Override
		public JsonToken nextValue() {
			JsonToken token = super.nextValue();
			check();
			return token;
		}

		@Override
		public String nextName() {
			String name = super.nextName();
			check();
			return name;
		}

		@Override
		public boolean nextName(SerializableString expected) {
			boolean matched = super.nextName(expected);
			check();
			return matched;
		}

		@Override
		public int nextNameMatch(PropertyNameMatcher matcher) {
			int match = super.nextNameMatch(matcher);
			check();
			return match;
		}

	}

}
