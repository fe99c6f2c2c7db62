package dev.gyre.api.training;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.gyre.api.ProblemCode;
import dev.gyre.api.UnknownValueException;

/** What a job's model predicts, on the wire: {@code "classification"} or {@code "regression"} (mirrors core's Task). */
public enum TaskType {
    CLASSIFICATION, REGRESSION;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a task in any case, surrounding spaces allowed; anything else is an {@code invalid-task} problem. */
    @JsonCreator
    public static TaskType of(String value) {
        if (value != null) {
            for (TaskType task : values()) {
                if (task.name().equalsIgnoreCase(value.strip())) {
                    return task;
                }
            }
        }
        throw new UnknownValueException(ProblemCode.INVALID_TASK,
                "is an unknown task '" + value + "': expected classification or regression");
    }
}
