package dev.gyre.allinone;

import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.Optional;

/**
 * When to restart a service that died: after {@code firstDelay}, doubling with each restart still inside
 * {@code window} (1 s, 2 s, 4 s, ...), and not at all once {@code maxRestarts} restarts fall inside it.
 *
 * @param firstDelay  delay before the first restart
 * @param maxRestarts restarts allowed within {@code window}; one more death leaves the service down
 * @param window      how long a restart counts against the limit
 */
record RestartPolicy(Duration firstDelay, int maxRestarts, Duration window) {

    static final RestartPolicy DEFAULT = new RestartPolicy(Duration.ofSeconds(1), 5, Duration.ofMinutes(10));

    RestartPolicy {
        if (firstDelay.isNegative() || maxRestarts < 0 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("invalid restart policy " + firstDelay + ", " + maxRestarts + ", " + window);
        }
    }

    /**
     * Drops from {@code restarts} (oldest first) the ones that left the window, then answers the delay
     * before the next restart, or empty when the limit is reached.
     */
    Optional<Duration> nextDelay(Deque<Instant> restarts, Instant now) {
        Instant windowStart = now.minus(window);
        while (!restarts.isEmpty() && !restarts.peekFirst().isAfter(windowStart)) {
            restarts.removeFirst();
        }
        if (restarts.size() >= maxRestarts) {
            return Optional.empty();
        }
        return Optional.of(firstDelay.multipliedBy(1L << Math.min(restarts.size(), 20)));
    }

    String describe() {
        return "at most " + maxRestarts + " in " + human(window);
    }

    static String human(Duration duration) {
        if (duration.toMillis() % 60_000 == 0) {
            return duration.toMinutes() + " min";
        }
        if (duration.toMillis() % 1000 == 0) {
            return duration.toSeconds() + " s";
        }
        return duration.toMillis() + " ms";
    }
}
