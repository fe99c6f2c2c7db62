package dev.gyre.api.data;

/** A value and how many rows hold it. */
public record ValueCountResponse(String value, long count) {
}
