package dev.gyre.api.monitoring;

import java.time.Instant;

/** The logged predictions an evaluation looked at: oldest and newest timestamps, and how many. */
public record DriftWindow(Instant from, Instant to, int rows) {
}
