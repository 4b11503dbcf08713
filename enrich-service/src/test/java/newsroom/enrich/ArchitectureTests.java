package newsroom.enrich;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package structure of enrich-service: the feature packages (api, pipeline, entity,
 * topic, keyword, summary, language, duplicate, story) sit on the shared ones (analysis,
 * text, nlp, config), the root package wires them, and no two packages depend on each
 * other in a cycle.
 */
class ArchitectureTests {

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("newsroom.enrich");

	@Test
	void hasNoCyclesBetweenPackages() {
		slices().matching("newsroom.enrich.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void keepsTheSharedPackagesFreeOfFeatures() {
		noClasses().that()
			.resideInAnyPackage("newsroom.enrich.analysis..", "newsroom.enrich.text..", "newsroom.enrich.nlp..",
					"newsroom.enrich.config..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("newsroom.enrich.api..", "newsroom.enrich.pipeline..", "newsroom.enrich.entity..",
					"newsroom.enrich.topic..", "newsroom.enrich.keyword..", "newsroom.enrich.summary..",
					"newsroom.enrich.language..", "newsroom.enrich.duplicate..", "newsroom.enrich.story..")
			.check(classes);
	}

	@Test
	void leavesTheWiringToTheRootPackage() {
		noClasses().that()
			.resideInAPackage("newsroom.enrich.*..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("newsroom.enrich")
			.check(classes);
	}

}
