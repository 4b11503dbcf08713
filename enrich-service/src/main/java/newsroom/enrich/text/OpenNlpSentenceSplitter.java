package newsroom.enrich.text;

import java.util.Arrays;
import java.util.List;

import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;

/**
 * Sentence splitting with an OpenNLP maximum-entropy model, for the languages a model
 * exists for.
 */
final class OpenNlpSentenceSplitter implements SentenceSplitter {

	private final ThreadLocal<SentenceDetectorME> detectors;

	OpenNlpSentenceSplitter(SentenceModel model) {
		// SentenceDetectorME is not thread-safe; the model it wraps is.
		this.detectors = ThreadLocal.withInitial(() -> new SentenceDetectorME(model));
	}

	@Override
	public List<Range> split(String block) {
		return Arrays.stream(this.detectors.get().sentPosDetect(block))
			.map((span) -> new Range(span.getStart(), span.getEnd()))
			.toList();
	}

}
