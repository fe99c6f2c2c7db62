package dev.gyre.core.ml;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What a model predicts: a class label or a number. Written in JSON as {@code "classification"} / {@code "regression"}. */
public enum Task {
    CLASSIFICATION, REGRESSION;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code "classification"} or {@code "regression"} (any case). */
    @JsonCreator
    public static Task of(String value) {
        if (value != null) {
            for (Task task : values()) {
                if (task.name().equalsIgnoreCase(value.strip())) {
                    return task;
                }
            }
        }
        throw new IllegalArgumentException("unknown task '" + value + "': expected classification or regression");
    }
}
