package dev.gyre.serving;

import java.util.List;
import java.util.Map;

import dev.gyre.test.StubServer;
import tools.jackson.databind.JsonNode;

/**
 * Plays monitoring-service: captures every {@code POST /api/v1/predictions} batch. It can answer late
 * ({@link #delayMillis}) or stop listening altogether ({@link #stop}, then {@link #start} on the same port).
 */
public final class MonitoringStub extends StubServer {
    private volatile long delayMillis;

    MonitoringStub() {
        on("/api/v1/predictions", this::receive);
    }

    /** Every batch received, as JSON ({@code {predictions:[...]}}). */
    public List<JsonNode> batches() {
        return requests().stream().map(Request::json).toList();
    }

    public void delayMillis(long millis) {
        this.delayMillis = millis;
    }

    private Reply receive(Request request) {
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int n = request.json().get("predictions").size();
        return Reply.json(200, Map.of("received", n, "stored", n));
    }
}
