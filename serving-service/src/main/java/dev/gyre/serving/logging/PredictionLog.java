package dev.gyre.serving.logging;

import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;

import dev.gyre.api.monitoring.PredictionRecord;
import dev.gyre.serving.ServingProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The bounded queue between predictions and the sender. {@link #offer} never blocks: when the queue is
 * full the oldest records are dropped and counted ({@code gyre.serving.prediction.log.dropped}), so a
 * slow or absent monitoring-service never slows a prediction.
 */
@Component
public class PredictionLog {
    static final String DROPPED = "gyre.serving.prediction.log.dropped";

    private final LinkedBlockingDeque<PredictionRecord> queue;
    private final Counter droppedFull;
    private final Object signal = new Object();
    private final int batchSize;

    PredictionLog(ServingProperties properties, MeterRegistry meters) {
        this.queue = new LinkedBlockingDeque<>(properties.log().queueCapacity());
        this.batchSize = properties.log().batchSize();
        this.droppedFull = Counter.builder(DROPPED).tag("reason", "queue-full")
                .description("Prediction records dropped before reaching monitoring-service").register(meters);
        meters.gauge("gyre.serving.prediction.log.queue", queue, LinkedBlockingDeque::size);
    }

    /** Queues a record, dropping the oldest ones when the queue is full. */
    public void offer(PredictionRecord record) {
        while (!queue.offerLast(record)) {
            if (queue.pollFirst() != null) {
                droppedFull.increment();
            }
        }
        if (queue.size() >= batchSize) {
            synchronized (signal) {
                signal.notifyAll();
            }
        }
    }

    public int size() {
        return queue.size();
    }

    /** Takes up to {@code max} records, oldest first. */
    List<PredictionRecord> drain(int max) {
        List<PredictionRecord> batch = new java.util.ArrayList<>(Math.min(max, queue.size()));
        queue.drainTo(batch, max);
        return batch;
    }

    /** Waits until a full batch is queued, {@code millis} pass, or {@link #wake} is called. */
    void awaitBatch(long millis) throws InterruptedException {
        synchronized (signal) {
            if (queue.size() < batchSize) {
                signal.wait(Math.max(1, millis));
            }
        }
    }

    void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }
}
