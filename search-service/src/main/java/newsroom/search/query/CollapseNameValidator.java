package newsroom.search.query;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import newsroom.search.parameter.Violations;

/**
 * Checks {@link CollapseName}: {@code story} is the one field hits collapse on.
 */
class CollapseNameValidator implements ConstraintValidator<CollapseName, String> {

	/** The value of {@code collapse} that shows each story once. */
	static final String STORY = "story";

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		return value == null || STORY.equals(value.strip())
				|| Violations.reject(context, "must be 'story', was '" + value + "'");
	}

}
