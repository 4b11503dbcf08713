package newsroom.ingest.batch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;

import newsroom.ingest.web.JsonProblems;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Newline-delimited JSON: one item per non-blank line. A line is read into memory only up
 * to the per-item limit; a longer line is skipped to its end and rejected, so neither a
 * long line nor a broken one affects the lines after it.
 */
final class NdjsonItems implements BatchItems {

	private static final int BUFFER_SIZE = 64 * 1024;

	private final InputStream body;

	private final JsonMapper mapper;

	private final int maxItemBytes;

	private final byte[] buffer = new byte[BUFFER_SIZE];

	private int position;

	private int limit;

	private boolean eof;

	private long index;

	private byte[] line = new byte[1024];

	private int lineLength;

	NdjsonItems(InputStream body, JsonMapper mapper, int maxItemBytes) {
		this.body = body;
		this.mapper = mapper;
		this.maxItemBytes = maxItemBytes;
	}

	@Override
	public Optional<BatchItem> next() throws IOException {
		while (true) {
			LineRead read = readLine();
			if (read == LineRead.END) {
				return Optional.empty();
			}
			if (read == LineRead.TOO_LONG) {
				return Optional.of(BatchItem.unreadable(this.index++,
						"is larger than the limit of " + this.maxItemBytes + " bytes per item"));
			}
			int start = 0;
			int end = this.lineLength;
			if (this.index == 0 && end >= 3 && (this.line[0] & 0xFF) == 0xEF && (this.line[1] & 0xFF) == 0xBB
					&& (this.line[2] & 0xFF) == 0xBF) {
				start = 3;
			}
			while (start < end && isBlank(this.line[start])) {
				start++;
			}
			while (end > start && isBlank(this.line[end - 1])) {
				end--;
			}
			if (start == end) {
				continue;
			}
			long itemIndex = this.index++;
			try {
				JsonNode value = this.mapper.readTree(Arrays.copyOfRange(this.line, start, end));
				return Optional.of(BatchItem.of(itemIndex, value));
			}
			catch (StreamReadException ex) {
				return Optional.of(BatchItem.unreadable(itemIndex, "is not valid JSON: " + JsonProblems.describe(ex)));
			}
			catch (StreamConstraintsException ex) {
				// Not a syntax error: a line nested deeper (or a number or name
				// longer) than the reader accepts.
				return Optional.of(BatchItem.unreadable(itemIndex,
						"exceeds a limit of the JSON reader: " + ex.getOriginalMessage()));
			}
			catch (MismatchedInputException ex) {
				// Valid JSON followed by more on the same line ({"a":1}{"b":2}): the
				// reader refuses trailing tokens, and the line is this item's to reject.
				return Optional.of(BatchItem.unreadable(itemIndex,
						"holds more than one JSON value; NDJSON takes one value per line"));
			}
		}
	}

	private static boolean isBlank(byte value) {
		return value == ' ' || value == '\t' || value == '\r' || value == '\n';
	}

	/**
	 * Reads up to the next line feed into {@link #line}; a line over the limit is
	 * consumed to its end without being kept.
	 */
	private LineRead readLine() throws IOException {
		this.lineLength = 0;
		boolean tooLong = false;
		boolean any = false;
		while (true) {
			if (this.position == this.limit) {
				if (this.eof || !fill()) {
					if (!any) {
						return LineRead.END;
					}
					return tooLong ? LineRead.TOO_LONG : LineRead.LINE;
				}
			}
			any = true;
			int newline = -1;
			for (int i = this.position; i < this.limit; i++) {
				if (this.buffer[i] == '\n') {
					newline = i;
					break;
				}
			}
			int chunkEnd = (newline >= 0) ? newline : this.limit;
			if (!tooLong) {
				int chunk = chunkEnd - this.position;
				if (this.lineLength + chunk > this.maxItemBytes) {
					tooLong = true;
					this.lineLength = 0;
				}
				else {
					append(chunk);
				}
			}
			this.position = (newline >= 0) ? newline + 1 : this.limit;
			if (newline >= 0) {
				return tooLong ? LineRead.TOO_LONG : LineRead.LINE;
			}
		}
	}

	private void append(int chunk) {
		if (this.lineLength + chunk > this.line.length) {
			int size = Math.min(Math.max(this.line.length * 2, this.lineLength + chunk), this.maxItemBytes);
			this.line = Arrays.copyOf(this.line, size);
		}
		System.arraycopy(this.buffer, this.position, this.line, this.lineLength, chunk);
		this.lineLength += chunk;
	}

	private boolean fill() throws IOException {
		int read = this.body.read(this.buffer, 0, this.buffer.length);
		if (read < 0) {
			this.eof = true;
			return false;
		}
		this.position = 0;
		this.limit = read;
		return true;
	}

	private enum LineRead {

		LINE, TOO_LONG, END

	}

}
