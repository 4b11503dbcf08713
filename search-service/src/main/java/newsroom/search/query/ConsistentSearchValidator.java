package newsroom.search.query;

import java.util.Optional;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import newsroom.search.parameter.CursorCodec;
import newsroom.search.parameter.DateBound;
import newsroom.search.parameter.Violations;

/**
 * Checks {@link ConsistentSearch}. A cursor is compared with the search that the valid
 * parameters describe, so that its problem is reported together with theirs.
 */
class ConsistentSearchValidator implements ConstraintValidator<ConsistentSearch, SearchParameters> {

	private final CursorCodec cursors;

	ConsistentSearchValidator(CursorCodec cursors) {
		this.cursors = cursors;
	}

	@Override
	public boolean isValid(SearchParameters parameters, ConstraintValidatorContext context) {
		boolean valid = true;
		Optional<DateBound> from = parameters.fromBound();
		Optional<DateBound> to = parameters.toBound();
		if (from.isPresent() && to.isPresent() && to.get().endsBefore(from.get())) {
			valid = Violations.reject(context, "to", "must not be before from");
		}
		if (parameters.cursor() != null) {
			ArticleSearch search = parameters.firstPage();
			CursorCodec.Decoded<HitOrder> decoded = this.cursors.decode(parameters.cursor().strip(),
					search.fingerprint(), search.sort(), HitOrder.ALL);
			if (decoded.problem() != null) {
				valid = Violations.reject(context, "cursor", decoded.problem());
			}
		}
		return valid;
	}

}
