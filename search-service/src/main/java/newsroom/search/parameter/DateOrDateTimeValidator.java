package newsroom.search.parameter;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link DateOrDateTime} by reading the value as {@link DateBound} does.
 */
class DateOrDateTimeValidator implements ConstraintValidator<DateOrDateTime, String> {

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		return value == null || DateBound.parse(value, false).isPresent() || Violations.reject(context,
				"must be an ISO-8601 date (2024-11-01) or date-time (2024-11-01T10:00:00Z), was '" + value + "'");
	}

}
