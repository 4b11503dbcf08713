package newsroom.search.query;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The annotated string is {@code null} (absent) or the order of the hits,
 * {@code relevance} or {@code newest} (surrounding space ignored).
 */
@Documented
@Constraint(validatedBy = SortNameValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface SortName {

	/**
	 * Unused: the message names the value the client sent.
	 * @return the message template
	 */
	String message() default "";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
