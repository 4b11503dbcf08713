package newsroom.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import newsroom.web.WebGuardsProperties.ApiKeySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ApiKeysTests {

	@TempDir
	Path folder;

	@Test
	void acceptsKeysFromTheSettingsAndTheFileAndNothingElse() throws IOException {
		Path file = Files.writeString(this.folder.resolve("keys"),
				"# rotated in 2026-11\nsecond-key-from-the-file\n\n  third-key-indented  \n");
		ApiKeys keys = ApiKeys.load(settings(List.of(" first-key ", "", "  "), file.toString()));

		assertThat(keys.match("first-key")).hasValue(0);
		assertThat(keys.match("second-key-from-the-file")).hasValue(1);
		assertThat(keys.match(" third-key-indented")).hasValue(2);
		assertThat(keys.match("# rotated in 2026-11")).isEmpty();
		assertThat(keys.match("first-key-but-longer")).isEmpty();
		assertThat(keys.match("")).isEmpty();
		assertThat(keys.match(null)).isEmpty();
	}

	@Test
	void isEmptyWithoutKeys() {
		assertThat(ApiKeys.load(settings(List.of("", " "), null)).isEmpty()).isTrue();
		assertThat(ApiKeys.load(settings(List.of(), "  ")).isEmpty()).isTrue();
	}

	@Test
	void refusesToStartOpenWhenTheFileIsMissingOrEmpty() throws IOException {
		assertThatIllegalStateException()
			.isThrownBy(() -> ApiKeys.load(settings(List.of(), this.folder.resolve("absent").toString())))
			.withMessageContaining("cannot be read");
		Path empty = Files.writeString(this.folder.resolve("empty"), "# no key yet\n\n");
		assertThatIllegalStateException().isThrownBy(() -> ApiKeys.load(settings(List.of(), empty.toString())))
			.withMessageContaining("holds no key");
	}

	@Test
	void neverShowsAKey() {
		ApiKeySettings settings = settings(List.of("visible-only-if-leaked"), null);

		assertThat(ApiKeys.load(settings)).hasToString("ApiKeys[1 keys]");
		assertThat(settings.toString()).doesNotContain("visible-only-if-leaked").contains("1 given");
	}

	static ApiKeySettings settings(List<String> keys, String file) {
		return new ApiKeySettings(keys, file, List.of(), List.of("/api/**"), false);
	}

}
