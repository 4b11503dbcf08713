package newsroom.ingest.article;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The annotated string is blank, or two letters: an ISO 639-1 code in any case
 * (surrounding whitespace ignored).
 */
@Documented
@Constraint(validatedBy = LanguageCode.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface LanguageCode {

	String message() default "must be a two-letter ISO 639-1 code such as \"en\"";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Checks {@link LanguageCode}.
	 */
	class Validator implements ConstraintValidator<LanguageCode, String> {

		private static final Pattern TWO_LETTERS = Pattern.compile("[A-Za-z]{2}");

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || value.isBlank() || TWO_LETTERS.matcher(value.strip()).matches();
		}

	}

}
