package dev.gyre.api.monitoring;

/**
 * Metrics over the logged predictions of a deployment that have feedback. {@code classification} covers
 * predictions with a label, {@code regression} those with a value and a numeric actual; either is null
 * when no such prediction has feedback.
 */
public record PerformanceResponse(String deployment, long labelled, Classification classification,
                                  Regression regression, DriftWindow window) {

    /** Share of predicted labels equal to the actual one, over {@code count} predictions. */
    public record Classification(double accuracy, long count) {
    }

    /** Root mean squared and mean absolute error, over {@code count} predictions. */
    public record Regression(double rmse, double mae, long count) {
    }
}
