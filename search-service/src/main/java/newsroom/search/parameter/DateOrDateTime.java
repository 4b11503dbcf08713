package newsroom.search.parameter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The annotated string is {@code null} (absent) or an ISO-8601 date ({@code 2024-11-01})
 * or date-time ({@code 2024-11-01T10:00:00Z}, with or without offset) from year 1 to
 * 9999.
 */
@Documented
@Constraint(validatedBy = DateOrDateTimeValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface DateOrDateTime {

	/**
	 * Unused: the message names the value the client sent.
	 * @return the message template
	 */
	String message() default "";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
