package newsroom.enrich.story;

import newsroom.enrich.text.WordRanks;
import newsroom.events.EntityType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keys under which two sources' names for one entity meet.
 */
class EntityKeysTests {

	private static final EntityKeys keys = new EntityKeys(WordRanks.load());

	@Test
	void keysAPersonBySurnameToo() {
		assertThat(keys.of("Marion Tully", EntityType.PERSON)).containsExactly("marion tully", "tully");
	}

	@Test
	void keysAnOrganisationByItsInitials() {
		assertThat(keys.of("European Space Agency", EntityType.ORGANIZATION)).contains("esa");
		assertThat(keys.of("United Transport Workers union", EntityType.ORGANIZATION)).contains("utw");
		assertThat(keys.of("ESA", EntityType.ORGANIZATION)).containsExactly("esa");
	}

	@Test
	void keysALongerNameByItsRareWordsOnly() {
		assertThat(keys.of("Port of Felixstowe", EntityType.LOCATION)).contains("felixstowe").doesNotContain("port");
		assertThat(keys.of("United Nations", EntityType.ORGANIZATION)).doesNotContain("united", "nations");
	}

}
