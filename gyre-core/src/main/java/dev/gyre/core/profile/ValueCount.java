package dev.gyre.core.profile;

/** A value and how many times it occurs. */
public record ValueCount(String value, long count) {
}
