package newsroom.enrich.entity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import newsroom.enrich.Enrichers;
import newsroom.enrich.TestArticles;
import newsroom.enrich.analysis.Enricher;
import newsroom.enrich.analysis.StageObserver;
import newsroom.events.Entity;
import newsroom.events.EntityType;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.NameSampleDataStream;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.PlainTextByLineStream;
import opennlp.tools.util.TrainingParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The operator's path for a trained name-finder model: a model in the configured folder
 * is loaded, and its names join the rule-based ones. The test trains a tiny model itself
 * on synthetic sentences, where a one-word name after "went to" or before "thanked" is a
 * person, which no rule knows.
 */
class NameFindersTests {

	private static final String ARTICLE = "The city gave its annual prize on Monday. The award went to Quelzar "
			+ "yesterday, and the mayor of Leeds praised the work.";

	private static final List<String> NAMES = List.of("Varnok", "Tesmir", "Odrella", "Pimzo", "Kastavel", "Murrin",
			"Ulvesta", "Brontiq", "Sefaly", "Dorvanz", "Yemmit", "Halcrow");

	@Test
	void addsNamesFromTrainedModelsInTheFolderThatRulesMiss(@TempDir Path folder) throws IOException {
		writeModel(folder.resolve("people.bin"));
		Files.writeString(folder.resolve("README.txt"), "not a model");

		NameFinders finders = NameFinders.load(folder);
		Enricher withModel = Enrichers.standard(TestArticles.models(), finders, StageObserver.NONE);
		Enricher rulesOnly = TestArticles.enricher();

		assertThat(finders.size()).isEqualTo(1);
		assertThat(people(rulesOnly)).doesNotContain("Quelzar");
		assertThat(people(withModel)).contains("Quelzar");
		assertThat(withModel.enrich("Prize", ARTICLE, "en").entities()).extracting(Entity::name).contains("Leeds");
	}

	@Test
	void refusesMissingFolder(@TempDir Path folder) {
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> NameFinders.load(folder.resolve("missing")))
			.withMessageContaining("missing");
	}

	@Test
	void mapsModelTypesToContractTypes() {
		assertThat(NameFinders.type("person")).contains(EntityType.PERSON);
		assertThat(NameFinders.type("ORG")).contains(EntityType.ORGANIZATION);
		assertThat(NameFinders.type("gpe")).contains(EntityType.LOCATION);
		assertThat(NameFinders.type("misc")).isEmpty();
		assertThat(NameFinders.type(null)).isEmpty();
	}

	private static List<String> people(Enricher enricher) {
		return enricher.enrich("Prize", ARTICLE, "en")
			.entities()
			.stream()
			.filter((entity) -> entity.type() == EntityType.PERSON)
			.map(Entity::name)
			.toList();
	}

	private static void writeModel(Path file) throws IOException {
		List<String> lines = new ArrayList<>();
		for (String name : NAMES) {
			lines.add("The award went to <START:person> " + name + " <END> yesterday .");
			lines.add("The medal went to <START:person> " + name + " <END> on Friday .");
			lines.add("<START:person> " + name + " <END> thanked the crowd after the final .");
			lines.add("Organisers said the trophy went to <START:person> " + name + " <END> last night .");
		}
		byte[] data = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
		TrainingParameters parameters = TrainingParameters.defaultParams();
		parameters.put(TrainingParameters.CUTOFF_PARAM, 1);
		parameters.put(TrainingParameters.ITERATIONS_PARAM, 60);
		try (ObjectStream<NameSample> samples = new NameSampleDataStream(
				new PlainTextByLineStream(() -> new ByteArrayInputStream(data), StandardCharsets.UTF_8))) {
			TokenNameFinderModel model = NameFinderME.train("en", null, samples, parameters,
					new TokenNameFinderFactory());
			try (OutputStream out = Files.newOutputStream(file)) {
				model.serialize(out);
			}
		}
	}

}
