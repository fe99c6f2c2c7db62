package dev.gyre.api.training;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.gyre.api.ProblemCode;
import dev.gyre.api.UnknownValueException;

/** How runs are evaluated: k-fold cross-validation or one hold-out split; {@code "kfold"} / {@code "holdout"}. */
public enum EvaluationMethod {
    KFOLD, HOLDOUT;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code kfold} or {@code holdout} exactly; anything else is an {@code invalid-evaluation} problem. */
    @JsonCreator
    public static EvaluationMethod of(String value) {
        for (EvaluationMethod method : values()) {
            if (method.json().equals(value)) {
                return method;
            }
        }
        throw new UnknownValueException(ProblemCode.INVALID_EVALUATION,
                "must be kfold or holdout, got '" + value + "'");
    }
}
