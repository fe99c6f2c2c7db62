package dev.gyre.boot.json;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * A JSON value refused by {@link StrictJsonModule}. Its message says what is wrong with the value in words fit for
 * the caller; the field at fault is in the exception's path.
 */
public class RefusedValueException extends InvalidFormatException {

    RefusedValueException(JsonParser parser, String message, Object value, Class<?> targetType) {
        super(parser, message, value, targetType);
    }
}
