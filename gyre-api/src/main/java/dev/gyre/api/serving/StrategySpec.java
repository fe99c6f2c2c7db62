package dev.gyre.api.serving;

/**
 * How traffic is served: {@code type} is "single", "canary", "shadow" or "blue-green"; the last three
 * name a {@code candidate} and, for canary, the {@code trafficPercent} it receives.
 */
public record StrategySpec(String type, ModelTarget candidate, Integer trafficPercent) {
    public static final String SINGLE = "single";

    public static StrategySpec single() {
        return new StrategySpec(SINGLE, null, null);
    }
}
