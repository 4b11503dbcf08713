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

/**
 * The annotated string is blank, or an absolute http or https URL with a host of at most
 * {@link ArticleUrls#MAX_LENGTH} characters (surrounding whitespace ignored).
 */
@Documented
@Constraint(validatedBy = HttpUrl.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface HttpUrl {

	String message() default "must be an absolute http or https URL with a host, for example https://example.com/news/story";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Checks {@link HttpUrl} as {@link ArticleUrls} parses; an over-long URL is named as
	 * such rather than as malformed.
	 */
	class Validator implements ConstraintValidator<HttpUrl, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null || value.isBlank()) {
				return true;
			}
			if (value.strip().length() > ArticleUrls.MAX_LENGTH) {
				context.disableDefaultConstraintViolation();
				context
					.buildConstraintViolationWithTemplate("must be at most " + ArticleUrls.MAX_LENGTH + " characters")
					.addConstraintViolation();
				return false;
			}
			return ArticleUrls.parseHttpUrl(value).isPresent();
		}

	}

}
