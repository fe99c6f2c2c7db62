package dev.gyre.gateway.readiness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Knows which backends have started: probes each one's readiness endpoint until it first answers 2xx, then
 * stops probing it for good. After that first "ready", an outage is the circuit breaker's business; before it,
 * {@link ServiceAvailabilityFilter} answers for the service, so failures of a service that is still starting are never
 * counted by its breaker. The first round of probes runs before the gateway listens (bounded by
 * {@code initial-wait}), so a service that is already up is never reported as starting.
 */
final class ServiceReadiness implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ServiceReadiness.class);

    /** A backend: its service name, the authority its routes point at, and whether it has been ready once. */
    static final class Backend {
        private final String service;
        private final URI readinessUri;
        private final long since = System.nanoTime();
        private volatile boolean ready;

        Backend(String service, URI readinessUri) {
            this.service = service;
            this.readinessUri = readinessUri;
        }

        String service() {
            return service;
        }

        boolean ready() {
            return ready;
        }
    }

    private final Map<String, Backend> byAuthority;
    private final ReadinessProperties properties;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private volatile boolean running;

    ServiceReadiness(Backends backends, ReadinessProperties properties) {
        this.properties = properties;
        this.byAuthority = backends.services().entrySet().stream().collect(Collectors.toUnmodifiableMap(
                entry -> authorityOf(entry.getValue()),
                entry -> new Backend(entry.getKey() + "-service", entry.getValue().resolve(properties.path())),
                (first, second) -> first)); // two names for one backend: it is probed once
        this.http = HttpClient.newBuilder().connectTimeout(properties.probeTimeout()).build();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gyre-readiness");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The backend a route URI points at; empty when it is none of the configured services. */
    Optional<Backend> backendAt(URI routeUri) {
        return Optional.ofNullable(byAuthority.get(authorityOf(routeUri)));
    }

    @Override
    public void start() {
        running = true;
        List<CompletableFuture<Boolean>> firstRound = byAuthority.values().stream().map(this::probeOnce).toList();
        try {
            CompletableFuture.allOf(firstRound.toArray(CompletableFuture[]::new))
                    .get(properties.initialWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            log.debug("Not every service answered its first readiness probe in {}", properties.initialWait());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byAuthority.values().stream().filter(backend -> !backend.ready())
                .forEach(backend -> log.info("{} is not ready yet; its routes answer 503 service-starting until it is",
                        backend.service()));
    }

    @Override
    public void stop() {
        running = false;
        scheduler.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048; // before the web server starts listening
    }

    /** One probe; schedules the next one while the backend is not ready. */
    private CompletableFuture<Boolean> probeOnce(Backend backend) {
        HttpRequest request = HttpRequest.newBuilder(backend.readinessUri).timeout(properties.probeTimeout()).GET()
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> failure == null && response.statusCode() / 100 == 2)
                .thenApply(up -> {
                    if (up) {
                        backend.ready = true;
                        log.info("{} is ready ({} ms after the gateway started probing it)", backend.service(),
                                Duration.ofNanos(System.nanoTime() - backend.since).toMillis());
                    } else if (running) {
                        try {
                            scheduler.schedule(() -> probeOnce(backend), properties.pollInterval().toMillis(),
                                    TimeUnit.MILLISECONDS);
                        } catch (RejectedExecutionException stopping) {
                            // the gateway is stopping: no more probes
                        }
                    }
                    return up;
                });
    }

    private static String authorityOf(URI uri) {
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + ":" + port;
    }
}
