package newsroom.enrich.entity;

import java.util.List;

/**
 * What the {@link Gazetteer}'s lists say of one key. Its fields are filled in while the
 * gazetteer is built and only read after.
 */
final class GazetteerEntry {

	/** The entry of a key no list holds. */
	static final GazetteerEntry NONE = new GazetteerEntry();

	List<Gazetteer.Place> places = List.of();

	String demonym;

	String organisation;

	String person;

	String wordNet;

	String kind;

	boolean personTitle;

	boolean givenName;

	boolean namePart;

	boolean organisationWord;

	boolean placeWord;

	boolean lowerCaseTitle;

	boolean prefix;

	GazetteerEntry() {
	}

	/** A place, an organisation or a person is known under the key. */
	boolean known() {
		return !this.places.isEmpty() || this.organisation != null || this.person != null;
	}

	boolean demonym() {
		return this.demonym != null;
	}

	boolean personTitle() {
		return this.personTitle;
	}

	String kind() {
		return this.kind;
	}

	String wordNet() {
		return this.wordNet;
	}

	/** Some longer name starts with the key. */
	boolean prefix() {
		return this.prefix;
	}

}
