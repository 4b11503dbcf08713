package newsroom.search;

import java.util.Arrays;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package structure of search-service: the feature packages (query, article, suggest,
 * trend, indexing, alert, story) sit on the shared ones (config, elasticsearch, index,
 * parameter), the root package wires them, no feature reaches into another, and no two
 * packages depend on each other in a cycle.
 */
class ArchitectureTests {

	private static final String[] SHARED = { "newsroom.search.config..", "newsroom.search.elasticsearch..",
			"newsroom.search.index..", "newsroom.search.parameter.." };

	private static final String[] FEATURES = { "newsroom.search.query..", "newsroom.search.article..",
			"newsroom.search.suggest..", "newsroom.search.trend..", "newsroom.search.indexing..",
			"newsroom.search.alert..", "newsroom.search.story.." };

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("newsroom.search");

	@Test
	void hasNoCyclesBetweenPackages() {
		slices().matching("newsroom.search.(*)..").should().beFreeOfCycles().check(classes);
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

	@ParameterizedTest
	@MethodSource("features")
	void keepsEachFeatureOutOfTheOthers(String feature) {
		noClasses().that()
			.resideInAPackage(feature)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(
					Arrays.stream(FEATURES).filter((other) -> !other.equals(feature)).toArray(String[]::new))
			.check(classes);
	}

	static Stream<String> features() {
		return Arrays.stream(FEATURES);
	}

	@Test
	void leavesTheWiringToTheRootPackage() {
		noClasses().that()
			.resideInAPackage("newsroom.search.*..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("newsroom.search")
			.check(classes);
	}

}
