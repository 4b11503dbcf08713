package newsroom.enrich.entity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import newsroom.enrich.analysis.Sentence;
import newsroom.enrich.analysis.Token;
import newsroom.enrich.text.WordRanks;

/**
 * The rules that find names in English sentences and say what they are, without a trained
 * model: capitalised runs of tokens (with "of", "for", "de"... inside them),
 * longest-match look-ups in the {@link Gazetteer}, titles before a name ("Defense
 * Minister Kim Yong-hyun"), organisation words inside one ("Ministry", "University",
 * "Inc."), place words after one ("the Kursk region") and the shape of a person's name (a
 * given name first, a verb of speech after). Demonyms are never names by themselves; they
 * are collected as evidence of which countries the article is about.
 *
 * <p>
 * This class reads the article; {@link SentenceScan} makes one pass over each sentence,
 * with {@link NameChunker} for where a name ends, {@link MentionClassifier} for what an
 * unknown name is, and {@link SentenceCues} for the look-ups they share.
 */
final class MentionFinder {

	private final Gazetteer gazetteer;

	private final WordRanks ranks;

	MentionFinder(Gazetteer gazetteer, WordRanks ranks) {
		this.gazetteer = gazetteer;
		this.ranks = ranks;
	}

	/**
	 * Find the mentions in an article's body.
	 * @param body the body sentences
	 * @param countries collects the country codes that demonyms point at
	 * @return the mentions, in order
	 */
	List<Mention> find(List<Sentence> body, Set<String> countries) {
		Set<String> capitalisedInside = capitalisedInside(body);
		List<Mention> mentions = new ArrayList<>();
		for (int s = 0; s < body.size(); s++) {
			SentenceCues sentence = new SentenceCues(s, body.get(s), capitalisedInside, this.gazetteer, this.ranks);
			new SentenceScan(sentence, mentions, countries).run();
		}
		return mentions;
	}

	/**
	 * Words written capitalised somewhere other than at a sentence's start: names, even
	 * when they are also common words.
	 */
	private Set<String> capitalisedInside(List<Sentence> body) {
		CueWords cues = this.gazetteer.cueWords();
		Set<String> words = new HashSet<>();
		for (Sentence sentence : body) {
			List<Token> tokens = sentence.tokens();
			int first = RuleTokens.firstWord(tokens.stream().map(Token::text).toList());
			for (int i = first + 1; i < tokens.size(); i++) {
				String word = tokens.get(i).text();
				if (cues.nameLike(word) && !RuleTokens.isPunctuation(tokens.get(i - 1).text())) {
					words.add(word);
				}
			}
		}
		return words;
	}

}
