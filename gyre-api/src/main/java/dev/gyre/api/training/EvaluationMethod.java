package dev.gyre.api.training;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.gyre.api.ProblemCode;
import dev.gyre.api.UnknownValueException;

/**
 * How runs are evaluated: k-fold cross-validation, one random hold-out, or the version's curated split (train
 * on {@code train}, score on {@code test}); {@code "kfold"} / {@code "holdout"} / {@code "split"}.
 */
public enum EvaluationMethod {
    KFOLD, HOLDOUT, SPLIT;

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
                "must be kfold, holdout or split, got '" + value + "'");
    }
}
