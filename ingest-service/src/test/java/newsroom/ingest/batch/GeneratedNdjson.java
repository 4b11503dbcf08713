package newsroom.ingest.batch;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * An NDJSON body generated while it is read, so that a test can stream tens of megabytes
 * without ever holding them: articles of about 4 KB with unique URLs, and every
 * {@code badEvery}-th line broken JSON.
 */
public final class GeneratedNdjson extends InputStream {

	private static final String PARAGRAPH = "The regional council met on Tuesday to debate the transport budget, "
			+ "and after a long session it voted to fund two new tram lines, repairs to the ring road and a "
			+ "trial of late-night buses between the university and the old town. ";

	private final String runId;

	private final long targetBytes;

	private final int badEvery;

	private long produced;

	private int lines;

	private int badLines;

	private byte[] current = new byte[0];

	private int position;

	/**
	 * A generated body.
	 * @param runId makes the URLs of this body unique
	 * @param targetBytes stop after the line that reaches this size
	 * @param badEvery every n-th line is broken JSON; 0 for none
	 */
	public GeneratedNdjson(String runId, long targetBytes, int badEvery) {
		this.runId = runId;
		this.targetBytes = targetBytes;
		this.badEvery = badEvery;
	}

	@Override
	public int read() {
		if (!ensure()) {
			return -1;
		}
		return this.current[this.position++] & 0xFF;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) {
		if (length == 0) {
			return 0;
		}
		if (!ensure()) {
			return -1;
		}
		int count = Math.min(length, this.current.length - this.position);
		System.arraycopy(this.current, this.position, buffer, offset, count);
		this.position += count;
		return count;
	}

	private boolean ensure() {
		if (this.position < this.current.length) {
			return true;
		}
		if (this.produced >= this.targetBytes) {
			return false;
		}
		this.lines++;
		String line;
		if (this.badEvery > 0 && this.lines % this.badEvery == 0) {
			this.badLines++;
			line = "{\"title\": \"Broken line " + this.lines + "\", \"text\": \n";
		}
		else {
			line = "{\"url\": \"https://bench.example/" + this.runId + "/" + this.lines + "?utm_source=batch\", "
					+ "\"title\": \"Council votes on transport, part " + this.lines + "\", \"source\": \"bench\", "
					+ "\"publishedAt\": \"2024-11-01T10:00:00Z\", \"text\": \"" + (PARAGRAPH + "\\n\\n").repeat(16)
					+ "Item " + this.lines + ".\"}\n";
		}
		this.current = line.getBytes(StandardCharsets.UTF_8);
		this.position = 0;
		this.produced += this.current.length;
		return true;
	}

	/** Lines generated so far. */
	public int lines() {
		return this.lines;
	}

	/** Broken lines generated so far. */
	public int badLines() {
		return this.badLines;
	}

	/** Bytes generated so far. */
	public long bytes() {
		return this.produced;
	}

}
