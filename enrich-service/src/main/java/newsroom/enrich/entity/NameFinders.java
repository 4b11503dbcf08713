package newsroom.enrich.entity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import newsroom.events.EntityType;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trained OpenNLP name-finder models that an operator adds from a folder
 * ({@code newsroom.enrich.entities.name-finder-models}): every {@code *.bin} file in it
 * is read as a {@link TokenNameFinderModel} at start-up. Their names join the rule-based
 * ones; a model's type names map to the contract's ({@code person}/{@code per},
 * {@code organization}/{@code org}, {@code location}/{@code loc}/{@code gpe}), others are
 * ignored. Models are shared; each thread keeps its own {@link NameFinderME}s.
 */
public final class NameFinders {

	private static final Logger log = LoggerFactory.getLogger(NameFinders.class);

	/** No models: the rules alone. */
	public static final NameFinders NONE = new NameFinders(List.of());

	private final List<TokenNameFinderModel> models;

	private final ThreadLocal<List<NameFinderME>> finders;

	/**
	 * Use these models.
	 * @param models trained name-finder models
	 */
	public NameFinders(List<TokenNameFinderModel> models) {
		this.models = List.copyOf(models);
		this.finders = ThreadLocal.withInitial(() -> this.models.stream().map(NameFinderME::new).toList());
	}

	/**
	 * Read every {@code *.bin} model in a folder.
	 * @param folder the folder
	 * @return the name finders
	 * @throws UncheckedIOException when the folder or a model cannot be read
	 */
	public static NameFinders load(Path folder) {
		if (!Files.isDirectory(folder)) {
			throw new UncheckedIOException(new IOException("Name-finder model folder " + folder + " does not exist"));
		}
		List<TokenNameFinderModel> models = new ArrayList<>();
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter((f) -> f.getFileName().toString().endsWith(".bin")).sorted().toList()) {
				try (InputStream in = Files.newInputStream(file)) {
					models.add(new TokenNameFinderModel(in));
					log.info("Loaded name-finder model {}", file);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read name-finder models in " + folder, ex);
		}
		return new NameFinders(models);
	}

	/**
	 * How many models there are.
	 * @return the number of models
	 */
	public int size() {
		return this.models.size();
	}

	/**
	 * The names the models find in one sentence.
	 * @param sentence index of the body sentence
	 * @param words its tokens
	 * @return the mentions, typed
	 */
	List<Mention> find(int sentence, List<String> words, Surfaces surfaces) {
		if (this.models.isEmpty()) {
			return List.of();
		}
		String[] tokens = words.toArray(String[]::new);
		List<Mention> mentions = new ArrayList<>();
		for (NameFinderME finder : this.finders.get()) {
			for (Span span : finder.find(tokens)) {
				type(span.getType()).ifPresent((type) -> mentions.add(new Mention(sentence, span.getStart(),
						span.getEnd(), words.subList(span.getStart(), span.getEnd()),
						surfaces.surface(span.getStart(), span.getEnd()), type, Mention.Evidence.MODEL, null,
						List.of())));
			}
		}
		return mentions;
	}

	/** The text of a run of a sentence's tokens. */
	@FunctionalInterface
	interface Surfaces {

		String surface(int start, int end);

	}

	/** Forget what the models adapted to in one article before the next. */
	void clear() {
		if (!this.models.isEmpty()) {
			this.finders.get().forEach(NameFinderME::clearAdaptiveData);
		}
	}

	static Optional<EntityType> type(String name) {
		if (name == null) {
			return Optional.empty();
		}
		return switch (name.toLowerCase(Locale.ROOT)) {
			case "person", "per", "people" -> Optional.of(EntityType.PERSON);
			case "organization", "organisation", "org" -> Optional.of(EntityType.ORGANIZATION);
			case "location", "loc", "gpe", "place" -> Optional.of(EntityType.LOCATION);
			default -> Optional.empty();
		};
	}

}
