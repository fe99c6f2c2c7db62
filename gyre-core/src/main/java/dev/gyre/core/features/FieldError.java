package dev.gyre.core.features;

/**
 * One invalid field of one input record.
 *
 * @param instance the record's index in its request, or {@code null} for a single record
 * @param field    the field name as given
 */
public record FieldError(Integer instance, String field, String message) {

    /** Where the error is, e.g. {@code instances[2].Body Mass (g)}, or just the field for a single record. */
    public String pointer() {
        return instance == null ? field : "instances[" + instance + "]." + field;
    }

    FieldError at(int index) {
        return new FieldError(index, field, message);
    }

    @Override
    public String toString() {
        return pointer() + ": " + message;
    }
}
