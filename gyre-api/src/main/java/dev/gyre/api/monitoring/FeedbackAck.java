package dev.gyre.api.monitoring;

import java.util.List;

/** How many feedback items were received, how many matched a logged prediction, and the ids that did not. */
public record FeedbackAck(int received, int matched, List<String> unknown) {
}
