package newsroom.search.parameter;

import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder;

/**
 * Reports constraint violations whose message is plain text. The messages of the read
 * endpoints quote what the client sent, which must never be read as a message template (a
 * {@code size} of <code>{max}</code> or <code>${...}</code> is text, not an expression).
 */
public final class Violations {

	private Violations() {
	}

	/**
	 * Report the annotated value as invalid.
	 * @param context the validator's context
	 * @param message the whole message, taken literally
	 * @return {@code false}, for {@code return valid || reject(...)}
	 */
	public static boolean reject(ConstraintValidatorContext context, String message) {
		context.disableDefaultConstraintViolation();
		context.buildConstraintViolationWithTemplate(literal(message)).addConstraintViolation();
		return false;
	}

	/**
	 * Report one property of the validated object as invalid, from a constraint on the
	 * whole object.
	 * @param context the validator's context
	 * @param property the property (request parameter) the message is about
	 * @param message the whole message, taken literally
	 * @return {@code false}, for {@code return valid || reject(...)}
	 */
	public static boolean reject(ConstraintValidatorContext context, String property, String message) {
		context.disableDefaultConstraintViolation();
		ConstraintViolationBuilder violation = context.buildConstraintViolationWithTemplate(literal(message));
		violation.addPropertyNode(property).addConstraintViolation();
		return false;
	}

	/** Escapes the characters Bean Validation's message interpolation reads. */
	static String literal(String message) {
		StringBuilder escaped = new StringBuilder(message.length() + 8);
		for (char c : message.toCharArray()) {
			if (c == '\\' || c == '{' || c == '}' || c == '$') {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

}
