package newsroom.search.alert;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Elasticsearch's {@code standard} analyzer as the index mapping uses it for every text
 * field: the standard tokenizer (tokens up to 255 characters), lower case, no stop words,
 * and a position gap of 100 between the values of a multi-valued field (entity names), so
 * that a phrase never spans two names. Saved searches must read articles exactly as the
 * index does, or an alert would disagree with the search it was saved from.
 */
final class ArticleAnalyzer extends Analyzer {

	private static final int MAX_TOKEN_LENGTH = 255;

	private static final int POSITION_INCREMENT_GAP = 100;

	@Override
	protected TokenStreamComponents createComponents(String fieldName) {
		StandardTokenizer tokenizer = new StandardTokenizer();
		tokenizer.setMaxTokenLength(MAX_TOKEN_LENGTH);
		return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
	}

	@Override
	protected TokenStream normalize(String fieldName, TokenStream in) {
		return new LowerCaseFilter(in);
	}

	@Override
	public int getPositionIncrementGap(String fieldName) {
		return POSITION_INCREMENT_GAP;
	}

}
