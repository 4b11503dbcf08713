package newsroom.search.parameter;

import jakarta.validation.Validator;

import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Checks a parameter record read with {@link QueryParameters} the way Spring MVC checks a
 * bound {@code @Valid} one: with the application's Bean Validation (whose constraint
 * validators are beans), every problem in one 400 answer, in the record's order.
 */
@Component
public class ParameterValidation {

	private final SpringValidatorAdapter validator;

	ParameterValidation(Validator validator) {
		this.validator = new SpringValidatorAdapter(validator);
	}

	/**
	 * Check the parameters.
	 * @param <T> their type
	 * @param parameters the parameters, as read from the request
	 * @param name how the parameters are named in the problem's binding result
	 * @return the parameters, when valid
	 * @throws InvalidParametersException naming every bad parameter
	 */
	public <T> T valid(T parameters, String name) {
		BeanPropertyBindingResult result = new BeanPropertyBindingResult(parameters, name);
		this.validator.validate(parameters, result);
		if (result.hasErrors()) {
			throw InvalidParametersException.of(result);
		}
		return parameters;
	}

}
