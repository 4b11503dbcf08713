package newsroom.ingest.article;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import newsroom.ingest.clean.Timestamps;

/**
 * The annotated string is blank, or a date-time with a UTC offset that
 * {@link Timestamps#parse} reads. Taken as text rather than as an {@code Instant}, so
 * that a malformed value is named with the other invalid fields in one answer.
 */
@Documented
@Constraint(validatedBy = IsoDateTime.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface IsoDateTime {

	String message() default "must be an ISO-8601 date-time with a UTC offset, for example 2024-11-01T10:00:00Z";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Checks {@link IsoDateTime} with the parser that reads the value afterwards.
	 */
	class Validator implements ConstraintValidator<IsoDateTime, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || value.isBlank() || Timestamps.parse(value).isPresent();
		}

	}

}
