package dev.gyre.api.monitoring;

import java.util.List;

/** {@code POST /api/v1/feedback}: ground truth for logged predictions. */
public record FeedbackRequest(List<FeedbackItem> items) {
}
