package newsroom.search.elasticsearch;

import java.util.Collection;
import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;

/**
 * The two ways the read endpoints filter on repeatable values: all of them (entities,
 * tags: a document about every one) or any of them (sources: a document has one). Filters
 * narrow without scoring, so a query keeps its scores whatever they add.
 */
public final class Filters {

	private Filters() {
	}

	/**
	 * Require every value: one term filter each.
	 * @param bool the query to narrow
	 * @param field a keyword field
	 * @param values the values, none for no filter
	 */
	public static void allOf(BoolQuery.Builder bool, String field, List<String> values) {
		for (String value : values) {
			bool.filter((filter) -> filter.term((term) -> term.field(field).value(value)));
		}
	}

	/**
	 * Require any of the values: one terms filter, none when there are no values.
	 * @param bool the query to narrow
	 * @param field a keyword field
	 * @param values the values, none for no filter
	 */
	public static void anyOf(BoolQuery.Builder bool, String field, Collection<String> values) {
		if (!values.isEmpty()) {
			bool.filter(anyOf(field, values));
		}
	}

	/**
	 * A terms query: documents with any of the values.
	 * @param field a keyword field
	 * @param values the values
	 * @return the query
	 */
	public static Query anyOf(String field, Collection<String> values) {
		List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
		return Query.of((query) -> query.terms((t) -> t.field(field).terms((list) -> list.value(terms))));
	}

}
