package newsroom.ingest.web;

/**
 * One invalid field of a request, as listed under {@code errors} in a 400 answer.
 *
 * @param field the JSON name of the field
 * @param message what is wrong, for a person to act on
 */
public record FieldProblem(String field, String message) {

}
