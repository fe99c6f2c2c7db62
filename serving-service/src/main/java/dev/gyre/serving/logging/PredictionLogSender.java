package dev.gyre.serving.logging;

import java.time.Duration;
import java.util.List;

import dev.gyre.api.monitoring.MonitoringApi;
import dev.gyre.api.monitoring.PredictionLogBatch;
import dev.gyre.api.monitoring.PredictionRecord;
import dev.gyre.serving.ServingProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

/**
 * Sends queued predictions to monitoring-service on its own thread: a batch of up to
 * {@code gyre.serving.log.batch-size} records whenever that many are queued, and at least every
 * {@code flush-interval}. A batch that fails is kept and retried with exponential backoff, at most
 * {@code max-attempts} times (a 4xx answer is not retried); then it is dropped and counted. On graceful
 * shutdown (after the web server has stopped taking requests) what is queued is flushed for at most
 * {@code shutdown-timeout}.
 */
@Component
class PredictionLogSender implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(PredictionLogSender.class);
    private static final String MONITORING = "monitoring-service";

    private final PredictionLog queue;
    private final MonitoringApi monitoring;
    private final ServingProperties.Log settings;
    private final Counter sent;
    private final Counter droppedFailed;
    private final Counter failures;
    private volatile boolean running;
    private volatile long flushDeadline = Long.MAX_VALUE;
    private Thread thread;

    PredictionLogSender(PredictionLog queue, MonitoringApi monitoring, ServingProperties properties,
                        MeterRegistry meters) {
        this.queue = queue;
        this.monitoring = monitoring;
        this.settings = properties.log();
        this.sent = Counter.builder("gyre.serving.prediction.log.sent")
                .description("Prediction records monitoring-service accepted").register(meters);
        this.droppedFailed = Counter.builder(PredictionLog.DROPPED).tag("reason", "send-failed")
                .description("Prediction records dropped before reaching monitoring-service").register(meters);
        this.failures = Counter.builder("gyre.serving.prediction.log.send.failures")
                .description("Failed attempts to send a batch to monitoring-service").register(meters);
    }

    @Override
    public synchronized void start() {
        running = true;
        flushDeadline = Long.MAX_VALUE;
        thread = new Thread(this::run, "prediction-log-sender");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        Thread sender;
        synchronized (this) {
            flushDeadline = System.nanoTime() + settings.shutdownTimeout().toNanos();
            running = false;
            sender = thread;
        }
        queue.wake();
        try {
            sender.join(settings.shutdownTimeout().toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (queue.size() > 0) {
            log.warn("{} prediction records not sent to {} before shutdown", queue.size(), MONITORING);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server (whose phases are higher), so the last predictions are flushed too. */
    @Override
    public int getPhase() {
        return 0;
    }

    private void run() {
        long flushNanos = settings.flushInterval().toNanos();
        long lastSend = System.nanoTime();
        while (running) {
            try {
                long wait = flushNanos - (System.nanoTime() - lastSend);
                if (queue.size() < settings.batchSize() && wait > 0) {
                    queue.awaitBatch(Duration.ofNanos(wait).toMillis());
                    continue;
                }
                lastSend = System.nanoTime();
                List<PredictionRecord> batch = queue.drain(settings.batchSize());
                if (!batch.isEmpty()) {
                    sendWithRetries(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("prediction log sender failed; continuing", e);
            }
        }
        flushOnShutdown();
    }

    private void sendWithRetries(List<PredictionRecord> batch) throws InterruptedException {
        long backoff = settings.initialBackoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            Outcome outcome = trySend(batch);
            if (outcome == Outcome.SENT) {
                return;
            }
            if (outcome == Outcome.REJECTED || attempt >= settings.maxAttempts() || !running) {
                if (!running) {
                    flushOnShutdown(batch);
                    return;
                }
                droppedFailed.increment(batch.size());
                log.warn("dropped {} prediction records after {} attempts to reach {}", batch.size(), attempt,
                        MONITORING);
                return;
            }
            sleepWhileRunning(backoff);
            backoff = Math.min(backoff * 2, settings.maxBackoff().toMillis());
        }
    }

    private enum Outcome { SENT, RETRY, REJECTED }

    private Outcome trySend(List<PredictionRecord> batch) {
        try {
            monitoring.log(new PredictionLogBatch(batch));
            sent.increment(batch.size());
            return Outcome.SENT;
        } catch (HttpClientErrorException e) {
            failures.increment();
            log.warn("{} rejected a batch of {} prediction records: {}", MONITORING, batch.size(), e.getStatusCode());
            return Outcome.REJECTED;
        } catch (RestClientException e) {
            failures.increment();
            log.warn("could not send {} prediction records to {}: {}", batch.size(), MONITORING, e.getMessage());
            return Outcome.RETRY;
        }
    }

    private void sleepWhileRunning(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (running && System.currentTimeMillis() < end) {
            Thread.sleep(Math.min(100, Math.max(1, end - System.currentTimeMillis())));
        }
    }

    private void flushOnShutdown() {
        flushOnShutdown(List.of());
    }

    /** One attempt per batch until the queue is empty or the shutdown deadline passes. */
    private void flushOnShutdown(List<PredictionRecord> pending) {
        List<PredictionRecord> batch = pending;
        while (System.nanoTime() < flushDeadline) {
            if (batch.isEmpty()) {
                batch = queue.drain(settings.batchSize());
                if (batch.isEmpty()) {
                    return;
                }
            }
            if (trySend(batch) != Outcome.SENT) {
                droppedFailed.increment(batch.size());
                droppedFailed.increment(queue.drain(Integer.MAX_VALUE).size());
                return;
            }
            batch = List.of();
        }
    }
}
