package newsroom.search.parameter;

import java.beans.PropertyEditorSupport;
import java.util.List;

import org.springframework.beans.propertyeditors.CustomCollectionEditor;
import org.springframework.web.bind.WebDataBinder;

/**
 * Binds query parameters into a parameter record as they were sent, where Spring's
 * conversions would reshape them: a parameter read once takes its first value, and each
 * value of a repeatable one is whole.
 */
public final class ParameterBinding {

	private ParameterBinding() {
	}

	/**
	 * Register the editors on the binder of a parameter record.
	 * @param binder the binder, from an {@code @InitBinder} method
	 */
	public static void bindAsSent(WebDataBinder binder) {
		// A repeatable parameter sent once would be split at its commas, and
		// "entity=Washington, D.C." is one entity.
		binder.registerCustomEditor(List.class, new CustomCollectionEditor(List.class));
		// A parameter sent twice would become both values joined by a comma; the first
		// one counts.
		binder.registerCustomEditor(String.class, new FirstValueEditor());
	}

	/**
	 * Takes the first of several values of a parameter read once.
	 */
	private static final class FirstValueEditor extends PropertyEditorSupport {

		@Override
		public void setValue(Object value) {
			super.setValue((value instanceof String[] values && values.length > 0) ? values[0] : value);
		}

		@Override
		public void setAsText(String text) {
			setValue(text);
		}

	}

}
