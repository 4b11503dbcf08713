package newsroom.enrich.nlp;

/**
 * The OpenNLP models enrich-service uses, as published in the
 * {@code org.apache.opennlp:opennlp-models-*} jars on Maven Central. Each jar holds one
 * {@code .bin} model at its root next to a {@code model.properties} naming it.
 */
public enum ModelResource {

	/** Language detector over 103 languages (ISO 639-3 codes). */
	LANGUAGE_DETECTION("opennlp-models-langdetect", "langdetect-", "root"),

	/** English sentence detector (Universal Dependencies EWT). */
	SENTENCES_EN("opennlp-models-sentdetect-en", "-sentence-", "en");

	private final String artifactId;

	private final String nameFragment;

	private final String language;

	ModelResource(String artifactId, String nameFragment, String language) {
		this.artifactId = artifactId;
		this.nameFragment = nameFragment;
		this.language = language;
	}

	/**
	 * The Maven artifact that ships this model, for error messages.
	 * @return the artifact id under {@code org.apache.opennlp}
	 */
	public String artifactId() {
		return this.artifactId;
	}

	boolean matches(String modelName, String modelLanguage) {
		return modelName.contains(this.nameFragment) && this.language.equals(modelLanguage);
	}

}
