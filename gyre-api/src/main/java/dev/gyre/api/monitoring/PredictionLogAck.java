package dev.gyre.api.monitoring;

/** How many records of a batch were stored (a record already stored is not counted twice). */
public record PredictionLogAck(int received, int stored) {
}
