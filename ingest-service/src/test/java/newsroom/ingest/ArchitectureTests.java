package newsroom.ingest;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package structure of ingest-service: the feature packages (article, batch, clean,
 * extract, feed, fetch, publish) sit on the shared ones (web, config), the root package
 * only starts the application, and no two packages depend on each other in a cycle.
 */
class ArchitectureTests {

	private static final String[] SHARED = { "newsroom.ingest.web..", "newsroom.ingest.config.." };

	private static final String[] FEATURES = { "newsroom.ingest.article..", "newsroom.ingest.batch..",
			"newsroom.ingest.clean..", "newsroom.ingest.extract..", "newsroom.ingest.feed..", "newsroom.ingest.fetch..",
			"newsroom.ingest.publish.." };

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("newsroom.ingest");

	@Test
	void hasNoCyclesBetweenPackages() {
		slices().matching("newsroom.ingest.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void keepsTheSharedPackagesFreeOfFeatures() {
		noClasses().that()
			.resideInAnyPackage(SHARED)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(FEATURES)
			.check(classes);
	}

	@Test
	void leavesTheRootPackageToTheApplication() {
		noClasses().that()
			.resideInAPackage("newsroom.ingest.*..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("newsroom.ingest")
			.check(classes);
	}

}
