package newsroom.search.story;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The parameters of a stories listing name an order, agree with each other ({@code to}
 * not before {@code from}), and a {@code cursor} comes from an answer to this very
 * listing.
 */
@Documented
@Constraint(validatedBy = StoriesParametersValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface ValidStoriesParameters {

	/**
	 * Unused: each problem is reported on the parameter it concerns.
	 * @return the message template
	 */
	String message() default "";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
