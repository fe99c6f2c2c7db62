package dev.gyre.api.serving;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.gyre.api.ProblemCode;
import dev.gyre.api.UnknownValueException;

/** How a deployment serves traffic: {@code "single"}, {@code "canary"}, {@code "shadow"} or {@code "blue-green"}. */
public enum StrategyType {
    SINGLE, CANARY, SHADOW, BLUE_GREEN;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads a type exactly as written on the wire; anything else is an {@code unsupported-strategy} problem. */
    @JsonCreator
    public static StrategyType of(String value) {
        for (StrategyType type : values()) {
            if (type.json().equals(value)) {
                return type;
            }
        }
        throw new UnknownValueException(ProblemCode.UNSUPPORTED_STRATEGY,
                "must be one of single, canary, shadow, blue-green; got '" + value + "'");
    }
}
