package dev.gyre.core.features;

import java.util.List;
import java.util.stream.Collectors;

/** Input records that do not match a {@link FeatureSpec}; carries every error found, not just the first. */
public class FeatureValidationException extends IllegalArgumentException {
    private final List<FieldError> errors;

    public FeatureValidationException(List<FieldError> errors) {
        super(errors.stream().limit(10).map(FieldError::toString).collect(Collectors.joining("; "))
                + (errors.size() > 10 ? "; ... (" + errors.size() + " errors)" : ""));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
