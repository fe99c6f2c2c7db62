package dev.gyre.api.data;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.gyre.api.ProblemCode;
import dev.gyre.api.UnknownValueException;

/** A column's type on the wire: {@code "numeric"}, {@code "categorical"} or {@code "boolean"} (mirrors gyre-core's). */
public enum ColumnType {
    NUMERIC, CATEGORICAL, BOOLEAN;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a type in any case, surrounding spaces allowed; anything else is an {@code invalid-schema} problem. */
    @JsonCreator
    public static ColumnType of(String value) {
        if (value != null) {
            for (ColumnType type : values()) {
                if (type.name().equalsIgnoreCase(value.strip())) {
                    return type;
                }
            }
        }
        throw new UnknownValueException(ProblemCode.INVALID_SCHEMA,
                "must be one of numeric, categorical, boolean; got '" + value + "'");
    }
}
