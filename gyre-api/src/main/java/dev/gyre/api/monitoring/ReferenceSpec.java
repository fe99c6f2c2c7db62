package dev.gyre.api.monitoring;

/** The dataset version a monitor compares live traffic with. */
public record ReferenceSpec(String dataset, Integer version) {
}
