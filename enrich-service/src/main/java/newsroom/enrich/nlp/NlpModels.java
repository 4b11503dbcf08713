package newsroom.enrich.nlp;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.sentdetect.SentenceModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenNLP models, each read once from its Maven Central jar on the classpath. Models
 * are immutable and safe to share between threads; the {@code *ME} classes built on them
 * are not, so analysers keep one per thread.
 */
public final class NlpModels {

	private static final Logger log = LoggerFactory.getLogger(NlpModels.class);

	private final LanguageDetectorModel languageDetector;

	private final SentenceModel englishSentences;

	private NlpModels(LanguageDetectorModel languageDetector, SentenceModel englishSentences) {
		this.languageDetector = languageDetector;
		this.englishSentences = englishSentences;
	}

	/**
	 * Read the models from the classpath of this class's class loader.
	 * @return the loaded models
	 * @throws ModelNotFoundException when a model jar is missing or corrupt
	 */
	public static NlpModels load() {
		ClasspathModels models = new ClasspathModels(NlpModels.class.getClassLoader());
		return new NlpModels(
				timed(ModelResource.LANGUAGE_DETECTION,
						() -> models.load(ModelResource.LANGUAGE_DETECTION, LanguageDetectorModel::new)),
				timed(ModelResource.SENTENCES_EN, () -> models.load(ModelResource.SENTENCES_EN, SentenceModel::new)));
	}

	private static <M> M timed(ModelResource resource, Supplier<M> loader) {
		long start = System.nanoTime();
		M model = loader.get();
		log.info("Loaded OpenNLP model {} in {} ms", resource,
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
		return model;
	}

	public LanguageDetectorModel languageDetector() {
		return this.languageDetector;
	}

	public SentenceModel englishSentences() {
		return this.englishSentences;
	}

}
