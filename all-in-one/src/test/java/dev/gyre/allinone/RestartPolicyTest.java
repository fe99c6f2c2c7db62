package dev.gyre.allinone;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RestartPolicyTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void doublesTheDelayAndGivesUpAfterFiveRestartsInTenMinutes() {
        Deque<Instant> restarts = new ArrayDeque<>();
        List<Duration> delays = new ArrayList<>();
        Instant now = T0;
        for (int death = 0; death < 5; death++) {
            Optional<Duration> delay = RestartPolicy.DEFAULT.nextDelay(restarts, now);
            assertThat(delay).as("death %d", death + 1).isPresent();
            delays.add(delay.get());
            restarts.addLast(now);
            now = now.plusSeconds(30);
        }
        assertThat(delays).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(16));
        assertThat(RestartPolicy.DEFAULT.nextDelay(restarts, now)).as("sixth death within 10 min").isEmpty();
    }

    @Test
    void forgetsRestartsThatLeftTheWindow() {
        Deque<Instant> restarts = new ArrayDeque<>(List.of(T0, T0.plusSeconds(60), T0.plusSeconds(120),
                T0.plusSeconds(180), T0.plusSeconds(240)));

        assertThat(RestartPolicy.DEFAULT.nextDelay(restarts, T0.plusSeconds(599))).isEmpty();
        // ten minutes after the first restart it no longer counts: one slot free, backoff from the four left
        assertThat(RestartPolicy.DEFAULT.nextDelay(restarts, T0.plusSeconds(600))).contains(Duration.ofSeconds(16));
        assertThat(restarts).hasSize(4);
        // a quiet stretch resets the backoff
        assertThat(RestartPolicy.DEFAULT.nextDelay(restarts, T0.plusSeconds(3600))).contains(Duration.ofSeconds(1));
        assertThat(restarts).isEmpty();
    }
}
