package newsroom.enrich.entity;

import java.util.List;

import newsroom.events.EntityType;
import org.jspecify.annotations.Nullable;

/**
 * One place in an article where a name is written, before mentions of the same thing are
 * linked into an entity.
 *
 * @param sentence index of the body sentence, from 0
 * @param start index of the first token in the sentence
 * @param end index after the last token
 * @param words the name's tokens as written
 * @param surface the name as written in the text, spaces normalised
 * @param type what the evidence says it is, {@code null} when nothing does yet
 * @param evidence how sure that type is
 * @param canonical the gazetteer's name for it ("United States" for "U.S."), or
 * {@code null}
 * @param countryCodes countries a place may lie in, most likely first; empty when unknown
 */
record Mention(int sentence, int start, int end, List<String> words, String surface, @Nullable EntityType type,
		Evidence evidence, @Nullable String canonical, List<String> countryCodes) {

	Mention {
		words = List.copyOf(words);
		countryCodes = List.copyOf(countryCodes);
	}

	String key() {
		return String.join(" ", this.words);
	}

	Mention as(EntityType type, Evidence evidence) {
		return new Mention(this.sentence, this.start, this.end, this.words, this.surface, type, evidence,
				this.canonical, this.countryCodes);
	}

	boolean overlaps(int sentence, int start, int end) {
		return this.sentence == sentence && this.start < end && start < this.end;
	}

	/** How a mention's type was found, strongest first. */
	enum Evidence {

		/** A gazetteer names it. */
		GAZETTEER,

		/** A cue word says so: a title before a name, an organisation word in it. */
		CUE,

		/** A trained name-finder model found it. */
		MODEL,

		/** Its shape suggests it: a given name first, a verb of speech after. */
		SHAPE,

		/** A capitalised name with no evidence of its kind. */
		NONE

	}

}
