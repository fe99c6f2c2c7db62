package dev.gyre.api.monitoring;

/** The true outcome of one logged prediction: a label (string) or a value (number). */
public record FeedbackItem(String predictionId, Object actual) {
}
