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
 * A submission carries its body as {@code text} or as {@code html} (not blank); the
 * violation is reported on {@code text}.
 */
@Documented
@Constraint(validatedBy = TextOrHtml.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface TextOrHtml {

	String message() default "either text or html is required";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Checks {@link TextOrHtml}.
	 */
	class Validator implements ConstraintValidator<TextOrHtml, ArticleSubmission> {

		@Override
		public boolean isValid(ArticleSubmission submission, ConstraintValidatorContext context) {
			if (submission == null || submission.hasText() || submission.hasHtml()) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
				.addPropertyNode("text")
				.addConstraintViolation();
			return false;
		}

	}

}
