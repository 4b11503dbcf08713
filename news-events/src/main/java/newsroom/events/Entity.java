package newsroom.events;

/**
 * A named entity found in an article, normalised to its fullest form in that article.
 *
 * @param name the entity's fullest name in the article ("Vladimir Putin", not "Putin")
 * @param type what kind of entity it is
 * @param mentions how many times the article mentions it, in any form
 * @param salience how central it is to the article, 0..1
 * @param countryCode ISO 3166-1 alpha-2 code of a place, {@code null} when unknown or not
 * a place
 */
public record Entity(String name, EntityType type, int mentions, double salience, String countryCode) {
}
