package newsroom.enrich.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The annotated string is {@code null} or a language code the enricher understands (ISO
 * 639-1, a BCP 47 tag, or ISO 639-2/3 with a two-letter equivalent).
 */
@Documented
@Constraint(validatedBy = IsoLanguageCodeValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface IsoLanguageCode {

	String message() default "must be an ISO 639-1 language code such as \"en\", or left out to detect it";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
