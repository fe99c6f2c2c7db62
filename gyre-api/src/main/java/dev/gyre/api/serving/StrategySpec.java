package dev.gyre.api.serving;

/**
 * How traffic is served: by {@code type}; canary, shadow and blue-green name a {@code candidate} and, for canary,
 * the {@code trafficPercent} it receives.
 */
public record StrategySpec(StrategyType type, ModelTarget candidate, Integer trafficPercent) {

    public static StrategySpec single() {
        return new StrategySpec(StrategyType.SINGLE, null, null);
    }
}
