package newsroom.ingest.batch;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import newsroom.events.Origin;
import newsroom.events.RawArticle;
import newsroom.ingest.article.ArticleIntake;
import newsroom.ingest.article.ArticleIntake.Outcome;
import newsroom.ingest.article.ArticleIntake.Stored;
import newsroom.ingest.article.ArticleSubmission;
import newsroom.ingest.article.ArticleValidationException;
import newsroom.ingest.article.IngestStatus;
import newsroom.ingest.batch.BatchResult.Rejection;
import newsroom.ingest.config.IngestProperties;
import newsroom.ingest.web.FieldProblem;
import newsroom.ingest.web.JsonProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Streams a batch body item by item through {@link ArticleIntake}: each item is read,
 * validated and prepared on its own (a bad one is rejected, the others go on), and
 * prepared articles are published in windows (bounded by items and bytes) whose
 * acknowledgements are awaited together. Memory stays bounded by one window plus the
 * answer, whatever the size of the body.
 */
@Service
class BatchIngest {

	private static final Logger log = LoggerFactory.getLogger(BatchIngest.class);

	private final ArticleIntake intake;

	private final JsonMapper mapper;

	private final int maxItemBytes;

	private final IngestProperties.BatchSettings settings;

	BatchIngest(ArticleIntake intake, IngestProperties properties) {
		this.intake = intake;
		this.maxItemBytes = (int) Math.min(properties.maxBodySize().toBytes(), Integer.MAX_VALUE - 16);
		this.settings = properties.batch();
		// No string of an item may exceed the item limit, so a hostile body cannot make
		// the
		// parser buffer more than that.
		JsonFactory factory = JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxStringLength(this.maxItemBytes).build())
			.build();
		this.mapper = JsonMapper.builder(factory).build();
	}

	/**
	 * Ingests a JSON array of articles.
	 * @param body the request body
	 * @return the outcome of every item
	 * @throws IOException when the body cannot be read (for example over its limit)
	 * @throws NotABatchException when the body is not a JSON array
	 */
	BatchResult ingestArray(InputStream body) throws IOException {
		try (JsonParser parser = this.mapper.createParser(body)) {
			return ingest(new JsonArrayItems(parser, this.mapper, this.maxItemBytes));
		}
		catch (JacksonIOException ex) {
			throw ex.getCause();
		}
	}

	/**
	 * Ingests newline-delimited JSON, one article per line.
	 * @param body the request body
	 * @return the outcome of every item
	 * @throws IOException when the body cannot be read (for example over its limit)
	 */
	BatchResult ingestLines(InputStream body) throws IOException {
		return ingest(new NdjsonItems(body, this.mapper, this.maxItemBytes));
	}

	private BatchResult ingest(BatchItems items) throws IOException {
		Collector collector = new Collector();
		for (Optional<BatchItem> item = items.next(); item.isPresent(); item = items.next()) {
			collector.add(item.get());
		}
		collector.flush();
		log.info("Batch of {} items: {} accepted, {} duplicates, {} rejected", collector.count, collector.accepted,
				collector.duplicates, collector.rejectedCount);
		return new BatchResult(collector.accepted, collector.duplicates, collector.rejected, collector.rejectedCount,
				collector.ids);
	}

	/**
	 * Gathers prepared articles into a window and publishes it when it is full.
	 */
	private final class Collector {

		private final List<RawArticle> window = new ArrayList<>();

		private final List<Long> windowIndexes = new ArrayList<>();

		private long windowBytes;

		private final List<String> ids = new ArrayList<>();

		private final List<Rejection> rejected = new ArrayList<>();

		private int accepted;

		private int duplicates;

		private int rejectedCount;

		private long count;

		void add(BatchItem item) {
			this.count++;
			if (!item.problems().isEmpty()) {
				reject(item.index(), item.problems(), null);
				return;
			}
			JsonNode value = item.value();
			if (!value.isObject()) {
				reject(item.index(), List.of(new FieldProblem("", "must be a JSON object with the article's fields")),
						null);
				return;
			}
			ArticleSubmission submission;
			try {
				submission = BatchIngest.this.mapper.treeToValue(value, ArticleSubmission.class);
			}
			catch (DatabindException ex) {
				reject(item.index(), List.of(JsonProblems.of(ex)), ex);
				return;
			}
			RawArticle article;
			try {
				article = BatchIngest.this.intake.prepare(submission, Origin.BATCH, null);
			}
			catch (ArticleValidationException ex) {
				// prepare() has counted it already
				record(item.index(), ex.getProblems());
				return;
			}
			this.window.add(article);
			this.windowIndexes.add(item.index());
			this.windowBytes += 2L * (article.title().length() + article.text().length());
			if (this.window.size() >= BatchIngest.this.settings.windowItems()
					|| this.windowBytes >= BatchIngest.this.settings.windowBytes().toBytes()) {
				flush();
			}
		}

		void flush() {
			if (this.window.isEmpty()) {
				return;
			}
			List<Outcome> outcomes = BatchIngest.this.intake.publish(this.window, Origin.BATCH);
			for (int i = 0; i < outcomes.size(); i++) {
				if (outcomes.get(i) instanceof Stored stored) {
					this.ids.add(stored.result().id());
					if (stored.result().status() == IngestStatus.DUPLICATE) {
						this.duplicates++;
					}
					else {
						this.accepted++;
					}
				}
				else {
					record(this.windowIndexes.get(i), List.of(new FieldProblem("text",
							"makes the article too large to be published as one record; send a shorter text")));
				}
			}
			this.window.clear();
			this.windowIndexes.clear();
			this.windowBytes = 0;
		}

		private void reject(long index, List<FieldProblem> problems, Exception reason) {
			BatchIngest.this.intake.rejected(Origin.BATCH,
					(reason != null) ? reason : new IllegalArgumentException(problems.get(0).message()));
			record(index, problems);
		}

		private void record(long index, List<FieldProblem> problems) {
			this.rejectedCount++;
			if (this.rejected.size() < BatchIngest.this.settings.maxReportedRejections()) {
				this.rejected.add(new Rejection(index, problems));
			}
		}

	}

}
