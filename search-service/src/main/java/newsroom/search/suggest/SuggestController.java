package newsroom.search.suggest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import newsroom.search.parameter.InvalidParametersException;
import newsroom.search.parameter.SizeParameter;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/suggest}: completions of a prefix into entity names and headlines,
 * for a search box.
 */
@RestController
class SuggestController {

	static final SizeParameter SIZE = new SizeParameter(10, 50);

	/** The completion field indexes at most this many characters of an input. */
	static final int MAX_PREFIX_LENGTH = 100;

	private final Suggestions suggestions;

	SuggestController(Suggestions suggestions) {
		this.suggestions = suggestions;
	}

	@GetMapping("/api/v1/suggest")
	@Operation(summary = "Complete a prefix",
			description = "Entity names (type PERSON, ORGANIZATION, LOCATION) and headlines (type TITLE) that "
					+ "start with the prefix, each text once.")
	SuggestResponse suggest(
			@Parameter(description = "What has been typed, 1 to 100 characters") @RequestParam(
					required = false) String prefix,
			@Parameter(description = "How many, 1 to 50, default 10") @RequestParam(required = false) String size) {
		int count = SIZE.parse(size);
		String text = (prefix != null) ? prefix.strip() : "";
		if (text.isEmpty() || text.length() > MAX_PREFIX_LENGTH) {
			throw InvalidParametersException.of("prefix",
					"is required: 1 to " + MAX_PREFIX_LENGTH + " characters of a name or headline");
		}
		return new SuggestResponse(this.suggestions.suggest(text, count));
	}

}
