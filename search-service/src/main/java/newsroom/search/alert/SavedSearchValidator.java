package newsroom.search.alert;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import newsroom.search.parameter.Violations;

/**
 * Checks {@link SavedSearch}: the problem names {@code q} when it has nothing to search
 * for, and also when no filter was given at all (free text being the usual one).
 */
class SavedSearchValidator implements ConstraintValidator<SavedSearch, AlertRequest> {

	@Override
	public boolean isValid(AlertRequest request, ConstraintValidatorContext context) {
		if (request == null) {
			return true;
		}
		if (!request.hasFilter()) {
			return Violations.reject(context, "q",
					"an alert needs at least one filter: q, entity, tag, source or language");
		}
		if (request.q() != null && request.q().length() <= 1000 && FreeText.parse(request.q()).isEmpty()) {
			return Violations.reject(context, "q",
					"has nothing to search for once wildcards and operators are left out, was '" + request.q() + "'");
		}
		return true;
	}

}
