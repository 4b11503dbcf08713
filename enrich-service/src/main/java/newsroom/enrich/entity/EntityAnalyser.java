package newsroom.enrich.entity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import newsroom.enrich.analysis.Analyser;
import newsroom.enrich.analysis.Document;
import newsroom.enrich.analysis.Sentence;
import newsroom.enrich.analysis.Token;
import newsroom.enrich.text.WordRanks;

/**
 * Finds the people, organisations and places an English article names, from its body only
 * (never page furniture or an author bio): rule-based mentions ({@link MentionFinder})
 * merged with those of any trained {@link NameFinders} models, then linked into entities
 * with salience ({@link EntityResolver}). Other languages get no entities. Runs after the
 * text stage.
 */
public final class EntityAnalyser implements Analyser {

	private final MentionFinder rules;

	private final NameFinders models;

	private final EntityResolver resolver = new EntityResolver();

	/**
	 * Create the analyser.
	 * @param gazetteer the shared gazetteer
	 * @param ranks the shared word ranks
	 * @param models trained name-finder models, {@link NameFinders#NONE} for rules alone
	 */
	public EntityAnalyser(Gazetteer gazetteer, WordRanks ranks, NameFinders models) {
		this.rules = new MentionFinder(gazetteer, ranks);
		this.models = models;
	}

	@Override
	public String name() {
		return "entities";
	}

	@Override
	public void analyse(Document document) {
		if (!document.english() || document.body().isEmpty()) {
			return;
		}
		Set<String> countries = new HashSet<>();
		List<Mention> mentions = new ArrayList<>(this.rules.find(document.body(), countries));
		if (this.models.size() > 0) {
			try {
				for (int s = 0; s < document.body().size(); s++) {
					Sentence sentence = document.body().get(s);
					List<String> words = sentence.tokens().stream().map(Token::text).toList();
					for (Mention found : this.models.find(s, words,
							(start, end) -> MentionFinder.surface(sentence, start, end))) {
						// The rules' typed names win; a model adds what they missed or
						// left untyped.
						boolean covered = mentions.stream()
							.anyMatch((m) -> m.type() != null
									&& m.overlaps(found.sentence(), found.start(), found.end()));
						if (!covered) {
							mentions.removeIf((m) -> m.overlaps(found.sentence(), found.start(), found.end()));
							mentions.add(found);
						}
					}
				}
			}
			finally {
				this.models.clear();
			}
		}
		document.setEntities(
				this.resolver.resolve(mentions, document.body().size(), document.title(), Set.copyOf(countries)));
	}

}
