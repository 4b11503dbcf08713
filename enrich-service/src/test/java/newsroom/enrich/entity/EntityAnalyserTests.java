package newsroom.enrich.entity;

import java.util.List;

import newsroom.enrich.TestArticles;
import newsroom.enrich.analysis.Enricher;
import newsroom.events.Entity;
import newsroom.events.EntityType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class EntityAnalyserTests {

	private static final Enricher enricher = TestArticles.enricher();

	@Test
	void linksSurnameToFullNameInOneEntity() {
		List<Entity> entities = entities("Vladimir Putin met the envoy on Monday. Later, Putin said the talks had "
				+ "been useful, and Mr Putin left for Moscow.");

		assertThat(entities).filteredOn((e) -> e.type() == EntityType.PERSON)
			.extracting(Entity::name, Entity::mentions)
			.containsExactly(tuple("Vladimir Putin", 3));
	}

	@Test
	void makesLoneSurnameAfterTitlePerson() {
		assertThat(entities("The plan was approved by Chancellor Merzhauser on Tuesday."))
			.extracting(Entity::name, Entity::type)
			.containsExactly(tuple("Merzhauser", EntityType.PERSON));
	}

	@Test
	void stripsDemonymsAndTitlesButNeverMakesDemonymsEntities() {
		List<Entity> entities = entities("Russian forces advanced, said Ukrainian President Volodymyr Zelensky. "
				+ "German officials were not surprised.");

		assertThat(entities).extracting(Entity::name).containsExactly("Volodymyr Zelensky");
	}

	@Test
	void linksCountryAliasesUnderTheFullestNameWrittenWithTheirCodes() {
		assertThat(entities("Officials in the United States and Britain met on Monday. The U.S. delegation "
				+ "said the United Kingdom had agreed."))
			.extracting(Entity::name, Entity::mentions, Entity::countryCode)
			.containsExactlyInAnyOrder(tuple("United States", 2, "US"), tuple("United Kingdom", 2, "GB"));
		// A name the article never writes is not invented for it.
		assertThat(entities("Officials in the U.S. said the talks went well."))
			.extracting(Entity::name, Entity::countryCode)
			.containsExactly(tuple("U.S.", "US"));
	}

	@Test
	void findsPlacesFromRegionPatternAndCities() {
		assertThat(entities("Fighting spread to the Zvarino region and shells hit Kharkiv overnight."))
			.extracting(Entity::name, Entity::type, Entity::countryCode)
			.containsExactlyInAnyOrder(tuple("Zvarino", EntityType.LOCATION, null),
					tuple("Kharkiv", EntityType.LOCATION, "UA"));
	}

	@Test
	void picksTheCountryOfAmbiguousCityFromTheArticle() {
		assertThat(entities("Voters in Ontario went to the polls. In London, turnout was low, officials said."))
			.filteredOn((e) -> e.name().equals("London"))
			.extracting(Entity::countryCode)
			.containsExactly("CA");
		assertThat(entities("In London, turnout was low, British officials said."))
			.filteredOn((e) -> e.name().equals("London"))
			.extracting(Entity::countryCode)
			.containsExactly("GB");
	}

	@Test
	void findsOrganisationsFromCueWordsAndLinksAcronyms() {
		List<Entity> entities = entities("The Northfield Housing Association said rents would rise. "
				+ "The NHA blamed costs, and Brackley Motors Ltd agreed.");

		assertThat(entities).filteredOn((e) -> e.type() == EntityType.ORGANIZATION)
			.extracting(Entity::name, Entity::mentions)
			.containsExactlyInAnyOrder(tuple("Northfield Housing Association", 2), tuple("Brackley Motors Ltd", 1));
	}

	@Test
	void treatsCommonWordsAtSentenceStartAsWords() {
		assertThat(entities("Most voters stayed home. Split decisions are rare. However, Delhi voted.", "Turnout"))
			.extracting(Entity::name)
			.containsExactly("Delhi");
	}

	@Test
	void findsACountryThatOpensEverySentenceItIsIn() {
		assertThat(entities("Germany said on Monday it would send 200 engineers. France is expected to follow. "
				+ "Officials in Warsaw welcomed the offer.", "Engineers for the border"))
			.extracting(Entity::name, Entity::type)
			.contains(tuple("Germany", EntityType.LOCATION), tuple("France", EntityType.LOCATION),
					tuple("Warsaw", EntityType.LOCATION));
	}

	@Test
	void typesACountryAsAPlaceAlsoWhereItNamesTheSideThatPlays() {
		List<Entity> entities = entities("""
				KARACHI 2026-02-11
				Pakistan beat Sri Lanka by six wickets in the second one-day international on Wednesday.
				Scores: Sri Lanka 244-8 in 50 overs (Kusal Mendis 71). Pakistan 245-4 in 48.3 overs.
				Wales coach Steve Tandy named his squad after England lost to Scotland.
				""");

		assertThat(entities).extracting(Entity::name, Entity::type)
			.contains(tuple("Pakistan", EntityType.LOCATION), tuple("Sri Lanka", EntityType.LOCATION),
					tuple("Wales", EntityType.LOCATION), tuple("England", EntityType.LOCATION),
					tuple("Scotland", EntityType.LOCATION), tuple("Kusal Mendis", EntityType.PERSON),
					tuple("Steve Tandy", EntityType.PERSON));
		assertThat(entities).extracting(Entity::name).noneMatch((name) -> name.matches(".*\\d.*"));
	}

	@Test
	void findsTheSideThatOpensALineOfResults() {
		assertThat(entities("""
				Results of Premier League matches on Saturday:
				Arsenal 2 Tottenham 1
				Everton 0 Newcastle 3
				""")).filteredOn((e) -> e.type() == EntityType.ORGANIZATION)
			.extracting(Entity::name)
			.contains("Arsenal", "Tottenham", "Everton", "Newcastle");
	}

	@Test
	void findsBothSidesOfAResultsLineWhateverTheirCase() {
		assertThat(entities("""
				Results of Major League Baseball games on Sunday (home team in capitals):
				NEW YORK YANKEES 5 Boston 3
				Toronto 7 BALTIMORE 2
				CHICAGO CUBS 4 St Louis 1
				""")).filteredOn((e) -> e.type() == EntityType.ORGANIZATION)
			.extracting(Entity::name)
			.contains("NEW YORK YANKEES", "Boston", "Toronto", "BALTIMORE", "CHICAGO CUBS", "St Louis");
	}

	@Test
	void findsANameThatOpensEverySentenceItIsInWhenItIsNoOrdinaryWord() {
		assertThat(entities("Putin said on Tuesday the talks had ended without a deal. Milan will host the next "
				+ "round. Most delegates left early.", "Talks end without a deal"))
			.extracting(Entity::name, Entity::type)
			.containsExactlyInAnyOrder(tuple("Putin", EntityType.PERSON), tuple("Milan", EntityType.LOCATION));
	}

	@Test
	void findsAKnownOrganisationThatOpensEverySentenceItIsIn() {
		assertThat(entities("Israeli troops raided the Jenin camp on Friday. Hamas said two of its members "
				+ "were killed. Shell said its staff were safe.", "Raid in Jenin"))
			.filteredOn((e) -> e.type() == EntityType.ORGANIZATION)
			.extracting(Entity::name)
			.contains("Hamas", "Shell");
	}

	@Test
	void endsAPersonsNameAtALowerCaseWordThatIsNoConnector() {
		List<Entity> entities = entities("""
				OSLO 2026-03-04
				Norway held Brazil to a 1-1 draw in a friendly international on Wednesday.
				Striker Erling Haaland put Norway ahead after 12 minutes before Vinicius Junior equalised for the \
				visitors shortly before halftime.
				""", "SOCCER - BRAZIL HELD BY NORWAY IN OSLO FRIENDLY");

		assertThat(entities).extracting(Entity::name).noneMatch((name) -> name.contains(" put"));
		assertThat(entities).filteredOn((e) -> e.name().equals("Norway"))
			.extracting(Entity::type)
			.containsExactly(EntityType.LOCATION);
	}

	@Test
	void findsTheNamesOfAHeadlineWrittenAsASentenceThatTheBodyDoesNotWrite() {
		List<Entity> entities = entities("The two leaders discussed trade and defence on Tuesday, and Mr Macron "
				+ "promised a visit to Berlin.", "Merkel visits Paris for talks with Macron");

		assertThat(entities).extracting(Entity::name, Entity::type)
			.containsExactlyInAnyOrder(tuple("Merkel", EntityType.PERSON), tuple("Paris", EntityType.LOCATION),
					tuple("Macron", EntityType.PERSON), tuple("Berlin", EntityType.LOCATION));
		assertThat(entities).filteredOn((e) -> e.name().equals("Macron"))
			.extracting(Entity::mentions)
			.containsExactly(1);
	}

	@Test
	void leavesAHeadlineInCapitalsOrTitleCaseAlone() {
		assertThat(entities("The two leaders discussed trade on Tuesday.", "GERMANY'S MERKEL VISITS PARIS")).isEmpty();
		assertThat(entities("The two leaders discussed trade on Tuesday.", "Merkel Visits Paris For Talks")).isEmpty();
	}

	@Test
	void ranksFrequentEarlyAndHeadlineNamesFirst() {
		List<Entity> entities = entities("Lagos flooded again. Officials in Lagos blamed drains. A minister from "
				+ "Abuja visited Lagos on Friday.", "Lagos floods");

		assertThat(entities).extracting(Entity::name).containsExactly("Lagos", "Abuja");
		assertThat(entities.get(0).salience()).isEqualTo(1.0);
		assertThat(entities.get(1).salience()).isBetween(0.0, 0.5);
	}

	@Test
	void findsNoEntitiesInOtherLanguages() {
		assertThat(enricher.enrich("Berlin", "Die Regierung in Berlin hat am Dienstag Olaf Scholz gewählt.", "de")
			.entities()).isEmpty();
	}

	private static List<Entity> entities(String text) {
		return entities(text, "A headline");
	}

	@Test
	void findsTheCountriesPlaceAndPeopleOfAResultsList() {
		List<Entity> entities = entities("""
				GENEVA, Switzerland 2026-03-02
				Results of the indoor rowing final on Sunday:
				1. Maria Lopez (Spain) 6:45.2
				2. Tom Becker (Germany) 6:47.9
				3. Anna Kowalski (Poland) 6:49.1
				""");

		assertThat(entities).extracting(Entity::name, Entity::type)
			.contains(tuple("Spain", EntityType.LOCATION), tuple("Germany", EntityType.LOCATION),
					tuple("Poland", EntityType.LOCATION), tuple("Switzerland", EntityType.LOCATION),
					tuple("Maria Lopez", EntityType.PERSON), tuple("Tom Becker", EntityType.PERSON),
					tuple("Anna Kowalski", EntityType.PERSON));
		assertThat(entities).filteredOn((e) -> e.name().equalsIgnoreCase("Geneva"))
			.extracting(Entity::type)
			.containsExactly(EntityType.LOCATION);
	}

	@Test
	void typesClubsAsOrganisationsEvenWhenNamedAfterCities() {
		List<Entity> entities = entities("Arsenal beat Bayern Munich 2-1 on Wednesday to top their group. "
				+ "Manchester United lost to Ajax, while Real Madrid drew with Juventus in Turin. "
				+ "Next week Arsenal face Liverpool and Chelsea in the Premier League.");

		assertThat(entities).filteredOn((e) -> e.type() == EntityType.ORGANIZATION)
			.extracting(Entity::name)
			.contains("Arsenal", "Bayern Munich", "Manchester United", "Ajax", "Real Madrid", "Juventus", "Liverpool",
					"Chelsea");
		assertThat(entities).filteredOn((e) -> e.name().equals("Turin"))
			.extracting(Entity::type)
			.containsExactly(EntityType.LOCATION);
	}

	@Test
	void keepsAPersonNamedAfterATitleWhateverTheWordsBeforeIt() {
		assertThat(entities("“The soldiers will learn a great deal,” said Ukrainian President Volodymyr Zelensky."))
			.extracting(Entity::name, Entity::type)
			.containsExactly(tuple("Volodymyr Zelensky", EntityType.PERSON));
	}

	@Test
	void keepsInitialsInsideOneName() {
		assertThat(entities("The regiment was led by Colonel George F. Hauser until the spring."))
			.extracting(Entity::name, Entity::type)
			.containsExactly(tuple("George F. Hauser", EntityType.PERSON));
	}

	private static List<Entity> entities(String text, String title) {
		return enricher.enrich(title, text, "en").entities();
	}

}
