package newsroom.search.alert;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import newsroom.search.index.IndexDocument;
import newsroom.search.parameter.QueryText;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

/**
 * The {@code q} of an alert as a Lucene query, built the way Elasticsearch builds the
 * search's {@code simple_query_string}: the same text rewriting ({@link QueryText}), the
 * same fields and operators, every term required (default operator AND), the standard
 * analyzer. Elasticsearch's own parser is a subclass of this Lucene parser.
 */
final class FreeText {

	static final Analyzer ANALYZER = new ArticleAnalyzer();

	/** The text fields and their boosts, as the search uses them. */
	static final Map<String, Float> FIELDS = fields();

	/**
	 * And, or, not, phrase, precedence, prefix, whitespace, escape: no fuzziness, no
	 * slop.
	 */
	private static final int FLAGS = SimpleQueryParser.AND_OPERATOR | SimpleQueryParser.OR_OPERATOR
			| SimpleQueryParser.NOT_OPERATOR | SimpleQueryParser.PHRASE_OPERATOR
			| SimpleQueryParser.PRECEDENCE_OPERATORS | SimpleQueryParser.PREFIX_OPERATOR
			| SimpleQueryParser.WHITESPACE_OPERATOR | SimpleQueryParser.ESCAPE_OPERATOR;

	private FreeText() {
	}

	/**
	 * Parse a {@code q}.
	 * @param q the text as saved
	 * @return the query, or empty when nothing is left to search for
	 */
	static Optional<Query> parse(String q) {
		Optional<String> text = QueryText.simpleQueryString(q);
		if (text.isEmpty()) {
			return Optional.empty();
		}
		Parser parser = new Parser();
		parser.setDefaultOperator(BooleanClause.Occur.MUST);
		Query query = parser.parse(text.get());
		if (query == null || query instanceof MatchNoDocsQuery
				|| (query instanceof BooleanQuery bool && bool.clauses().isEmpty())) {
			return Optional.empty();
		}
		return Optional.of(query);
	}

	private static Map<String, Float> fields() {
		Map<String, Float> fields = new LinkedHashMap<>();
		for (String field : IndexDocument.FREE_TEXT_FIELDS) {
			int boost = field.indexOf('^');
			fields.put((boost < 0) ? field : field.substring(0, boost),
					(boost < 0) ? 1f : Float.parseFloat(field.substring(boost + 1)));
		}
		return Map.copyOf(fields);
	}

	/**
	 * Lower-cases prefixes as Elasticsearch does (it normalises a prefix with the field's
	 * analyzer; Lucene's parser keeps it as typed, and {@code Harv*} would find nothing).
	 */
	private static final class Parser extends SimpleQueryParser {

		Parser() {
			super(ANALYZER, FIELDS, FLAGS);
		}

		@Override
		protected Query newPrefixQuery(String text) {
			BooleanQuery.Builder bool = new BooleanQuery.Builder();
			for (Map.Entry<String, Float> field : this.weights.entrySet()) {
				BytesRef normalized = getAnalyzer().normalize(field.getKey(), text);
				bool.add(new PrefixQuery(new Term(field.getKey(), normalized)), BooleanClause.Occur.SHOULD);
			}
			return simplify(bool.build());
		}

	}

}
