package newsroom.enrich.entity;

/**
 * Where a capitalised name that starts at a token ends: it goes on over capitalised words
 * and the connectors between them, stops before a title or a calendar word, and is cut
 * where a connector joins two names rather than the parts of one.
 */
final class NameChunker {

	private final SentenceCues sentence;

	NameChunker(SentenceCues sentence) {
		this.sentence = sentence;
	}

	/**
	 * The end of the name that starts at {@code start}.
	 * @param start the index of a name-like token
	 * @return the index after the name's last token
	 */
	int end(int start) {
		return cut(start, runEnd(start));
	}

	private int runEnd(int start) {
		int end = start + 1;
		int j = start + 1;
		while (j < this.sentence.size()) {
			if (continuesName(j)) {
				j++;
				end = j;
				continue;
			}
			// "van der Werff", "Women's Tennis Association": connectors and possessives
			// go on only when a name follows them.
			int next = j;
			while (next < this.sentence.size() && next - j < 2
					&& (this.sentence.cues().connectors().contains(this.sentence.word(next))
							|| (next == j && RuleTokens.possessive(this.sentence.word(next))))) {
				next++;
			}
			if (next > j && next < this.sentence.size() && continuesName(next)) {
				j = next;
			}
			else {
				break;
			}
		}
		return end;
	}

	private boolean continuesName(int i) {
		String word = this.sentence.word(i);
		return this.sentence.nameLike(i) && !this.sentence.startsTitle(i)
				&& !this.sentence.cues().calendar().contains(word);
	}

	private int cut(int start, int end) {
		boolean organisation = this.sentence.hasOrganisationWord(start, end)
				|| this.sentence.hasPlaceWordAtEdge(start, end);
		for (int k = start + 1; k < end; k++) {
			String word = this.sentence.word(k);
			if ((word.equals("and") || word.equals("&")) && this.sentence.hasOrganisationWord(start, k)
					&& this.sentence.hasOrganisationWord(k + 1, end)) {
				// "Vertex Pharmaceuticals and CRISPR Therapeutics": two organisations.
				return k;
			}
			if (this.sentence.cues().organisationConnectors().contains(word) || RuleTokens.possessive(word)) {
				// "Russia and Ukraine", "Gonzalez of New Mexico", "Putin’s Kremlin": only
				// the names of organisations and places span these; and "Sarah Okafor of
				// the University of Cambridge" is a person, then an organisation.
				if (!organisation || (this.sentence.gazetteer().givenName(this.sentence.word(start)) && k - start <= 3
						&& !this.sentence.hasOrganisationWord(start, k))) {
					return k;
				}
				break;
			}
		}
		return end;
	}

}
