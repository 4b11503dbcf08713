package newsroom.search.query;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The parameters of a search agree with each other: {@code to} is not before
 * {@code from}, and a {@code cursor} comes from an answer to this very search.
 */
@Documented
@Constraint(validatedBy = ConsistentSearchValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface ConsistentSearch {

	/**
	 * Unused: each problem is reported on the parameter it concerns.
	 * @return the message template
	 */
	String message() default "";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
