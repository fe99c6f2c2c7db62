package dev.gyre.core.bundle;

/**
 * One input of a model's signature.
 *
 * @param type     {@code numeric} (a JSON number), {@code categorical} (a string; numbers and booleans are
 *                 taken as their text) or {@code boolean}
 * @param required true when the field must be present and non-null
 */
public record SignatureField(String name, String type, boolean required) {
}
