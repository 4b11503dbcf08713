package newsroom.search.parameter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The annotated string is {@code null} (absent) or a page size from 1 to {@link #max()},
 * read as {@link SizeParameter} reads it.
 */
@Documented
@Constraint(validatedBy = PageSizeValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface PageSize {

	/**
	 * The largest size accepted.
	 * @return the bound
	 */
	int max();

	/**
	 * Unused: the message names the value the client sent.
	 * @return the message template
	 */
	String message() default "";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
