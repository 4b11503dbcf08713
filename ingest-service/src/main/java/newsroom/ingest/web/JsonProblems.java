package newsroom.ingest.web;

import java.util.List;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Names the field of a JSON value that could not be mapped onto an article, for the
 * {@code errors} of a 400 answer or of a rejected batch item.
 */
public final class JsonProblems {

	private static final int MAX_PARSER_MESSAGE = 200;

	private JsonProblems() {
	}

	/**
	 * The field and message for a mapping failure.
	 * @param ex the failure
	 * @return the problem; the field is empty when the failure concerns the whole value
	 */
	public static FieldProblem of(DatabindException ex) {
		return new FieldProblem(fieldPath(ex.getPath()), wrongType(ex));
	}

	/**
	 * A short description of a JSON syntax error for a person: the parser's first line
	 * and where it happened.
	 * @param ex the error
	 * @return the description, without a final period
	 */
	public static String describe(StreamReadException ex) {
		String message = Optional.ofNullable(ex.getOriginalMessage()).orElse("unreadable input");
		int newline = message.indexOf('\n');
		message = (newline >= 0) ? message.substring(0, newline) : message;
		if (message.length() > MAX_PARSER_MESSAGE) {
			message = message.substring(0, MAX_PARSER_MESSAGE) + "…";
		}
		TokenStreamLocation location = ex.getLocation();
		String where = (location != null && location.getLineNr() > 0)
				? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")" : "";
		return message + where;
	}

	private static String fieldPath(List<JacksonException.Reference> path) {
		StringBuilder field = new StringBuilder();
		for (JacksonException.Reference reference : path) {
			if (reference.getPropertyName() != null) {
				if (!field.isEmpty()) {
					field.append('.');
				}
				field.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				field.append('[').append(reference.getIndex()).append(']');
			}
		}
		return field.toString();
	}

	private static String wrongType(DatabindException ex) {
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() == String.class) {
			return "must be a JSON string";
		}
		return "has a value of the wrong type";
	}

}
