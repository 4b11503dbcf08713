package newsroom.enrich.analysis;

import newsroom.events.EntityType;

/**
 * Where the text names an entity: one mention, with its character offsets in
 * {@link Document#text()} and the type the entity analyser settled on.
 *
 * @param start offset of the first character
 * @param end offset after the last character
 * @param type the entity's type
 */
public record EntitySpan(int start, int end, EntityType type) {
}
