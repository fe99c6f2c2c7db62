package dev.gyre.serving.deployment;

/**
 * A deployment's strategy as stored in its jsonb column, apart from the wire's {@code StrategySpec}: {@code type} is
 * the wire spelling ({@code "single"}, {@code "blue-green"}), so rows written before this record read unchanged.
 */
record StoredStrategy(String type, Candidate candidate, Integer trafficPercent) {

    /** The candidate version, by alias or by number. */
    record Candidate(String alias, Integer version) {
    }
}
