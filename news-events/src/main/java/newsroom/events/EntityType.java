package newsroom.events;

/**
 * The kinds of named entity the enricher recognises.
 */
public enum EntityType {

	PERSON, ORGANIZATION, LOCATION

}
