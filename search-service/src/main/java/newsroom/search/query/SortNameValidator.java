package newsroom.search.query;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import newsroom.search.parameter.Violations;

/**
 * Checks {@link SortName} with the names of {@link HitOrder}.
 */
class SortNameValidator implements ConstraintValidator<SortName, String> {

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		return value == null || HitOrder.fromParameter(value.strip()).isPresent()
				|| Violations.reject(context, "must be 'relevance' or 'newest', was '" + value + "'");
	}

}
