package newsroom.enrich.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FurnitureTests {

	private static final String TITLE = "Ferry crews in Valmora strike over night shifts";

	@ParameterizedTest
	@ValueSource(strings = { "Story continues below advertisement", "Advertisement. Scroll to continue reading.",
			"Tags:", "Share this article with your friends and family.", "0",
			"Subscribe to our newsletter for the latest news.", "About the Contributor",
			"Mara Okonjo, Lakeside Herald Labour Editor", "Ferry crews in Valmora strike over night shifts.",
			"Photo: Jane Doe for the Example Agency.", "Read more: how the war changed the region.",
			"Updated: the figures were corrected on Monday.", "All rights reserved by the publisher of this page.",
			"Visit https://example.com for the full report.", "Lesen Sie auch: Was die Regierung jetzt plant.",
			"| 12 | 34 | 56 | 78 | 90 |." })
	void recognisesFurniture(String line) {
		assertThat(Furniture.test(line, TITLE)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Shareholders approved the merger on Monday after a long debate.",
			"Credit Suisse was taken over by its rival in a weekend deal.",
			"Photographs from the scene show the damage to the bridge.",
			"Images from the probe reveal ice near the moon's south pole.",
			"Updated figures show that inflation fell to 2.1% in October.",
			"The index rose 1.2% to 4,567.89 points on 12/03/2024.",
			"Related companies in the sector also lost value on Tuesday.",
			"Listeners called the station to complain about the decision." })
	void keepsProse(String sentence) {
		assertThat(Furniture.test(sentence, TITLE)).isFalse();
	}

}
