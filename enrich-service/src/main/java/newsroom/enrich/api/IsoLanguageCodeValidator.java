package newsroom.enrich.api;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import newsroom.enrich.language.LanguageCodes;

/**
 * Checks {@link IsoLanguageCode} with the same normalisation the enricher applies.
 */
class IsoLanguageCodeValidator implements ConstraintValidator<IsoLanguageCode, String> {

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		return value == null || LanguageCodes.toIso6391(value).isPresent();
	}

}
