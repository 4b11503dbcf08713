package newsroom.search.story;

import java.util.Optional;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import newsroom.search.parameter.CursorCodec;
import newsroom.search.parameter.DateBound;
import newsroom.search.parameter.Violations;

/**
 * Checks {@link ValidStoriesParameters}. A cursor is compared with the listing that the
 * valid parameters describe, so that its problem is reported together with theirs.
 */
class StoriesParametersValidator implements ConstraintValidator<ValidStoriesParameters, StoriesParameters> {

	private final CursorCodec cursors;

	StoriesParametersValidator(CursorCodec cursors) {
		this.cursors = cursors;
	}

	@Override
	public boolean isValid(StoriesParameters parameters, ConstraintValidatorContext context) {
		boolean valid = true;
		if (parameters.order().isEmpty()) {
			valid = Violations.reject(context, "sort", "must be 'size' or 'newest', was '" + parameters.sort() + "'");
		}
		Optional<DateBound> from = parameters.fromBound();
		Optional<DateBound> to = parameters.toBound();
		if (from.isPresent() && to.isPresent() && to.get().endsBefore(from.get())) {
			valid = Violations.reject(context, "to", "must not be before from");
		}
		if (parameters.cursor() != null) {
			CursorCodec.Decoded<StoryOrder> decoded = parameters.decode(this.cursors, parameters.firstPage());
			if (decoded.problem() != null) {
				valid = Violations.reject(context, "cursor", decoded.problem());
			}
		}
		return valid;
	}

}
