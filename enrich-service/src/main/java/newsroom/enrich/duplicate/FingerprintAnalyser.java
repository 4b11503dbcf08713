package newsroom.enrich.duplicate;

import java.util.ArrayList;
import java.util.List;

import newsroom.enrich.analysis.Analyser;
import newsroom.enrich.analysis.Document;
import newsroom.enrich.analysis.Sentence;
import newsroom.enrich.analysis.Token;

/**
 * Sets the document's {@link SimHash} fingerprint from the words of its body, for the
 * near-duplicate check that the pipeline makes against earlier articles. Runs after the
 * text stage, in any language.
 */
public final class FingerprintAnalyser implements Analyser {

	@Override
	public String name() {
		return "fingerprint";
	}

	@Override
	public void analyse(Document document) {
		List<String> words = new ArrayList<>();
		for (Sentence sentence : document.body()) {
			for (Token token : sentence.tokens()) {
				if (Character.isLetterOrDigit(token.text().charAt(0))) {
					words.add(token.text());
				}
			}
		}
		document.setFingerprint(SimHash.of(words));
	}

}
