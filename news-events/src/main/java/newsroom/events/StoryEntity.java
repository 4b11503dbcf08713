package newsroom.events;

/**
 * An entity of a {@link Story}: a name and its kind, as its articles name it.
 *
 * @param name the entity's fullest name
 * @param type what kind of entity it is
 */
public record StoryEntity(String name, EntityType type) {
}
