package newsroom.enrich.nlp;

/**
 * Thrown at start-up when an OpenNLP model jar is missing from the classpath or its model
 * file does not match the checksum the jar declares.
 */
public class ModelNotFoundException extends IllegalStateException {

	ModelNotFoundException(String message) {
		super(message);
	}

	ModelNotFoundException(String message, Throwable cause) {
		super(message, cause);
	}

}
