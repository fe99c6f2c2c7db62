package dev.gyre.api;

/**
 * A value outside a closed set (a column type, a task...), thrown while a request is read: the problem handler
 * answers 400 with {@link #code()} and the JSON path of the value as {@code field}.
 */
public class UnknownValueException extends IllegalArgumentException {
    private final transient ProblemCode code;

    public UnknownValueException(ProblemCode code, String message) {
        super(message);
        this.code = code;
    }

    public ProblemCode code() {
        return code;
    }
}
