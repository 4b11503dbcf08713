package newsroom.search.parameter;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link PageSize} with {@link SizeParameter}'s reading and message, so that every
 * read endpoint answers a bad size alike.
 */
class PageSizeValidator implements ConstraintValidator<PageSize, String> {

	private SizeParameter size;

	@Override
	public void initialize(PageSize constraint) {
		this.size = new SizeParameter(1, constraint.max());
	}

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		return value == null || this.size.read(value).isPresent()
				|| Violations.reject(context, this.size.problem(value));
	}

}
