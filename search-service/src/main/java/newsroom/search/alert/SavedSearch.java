package newsroom.search.alert;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * An alert request is a search: at least one filter, and a {@code q} that leaves
 * something to search for once the operators that expand terms are dropped.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SavedSearchValidator.class)
@interface SavedSearch {

	String message() default "must be a search";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
