package dev.gyre.allinone;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar gyre-all-in-one.jar}: the whole platform on one machine without Docker. Starts one
 * embedded PostgreSQL, extracts the embedded service jars when they changed, starts the five services
 * and the gateway as six JVMs in parallel, waits until every one is ready and prints where to find
 * it. A service that dies later is restarted ({@link Supervisor}). Ctrl-C or SIGTERM stops the services,
 * then PostgreSQL; a watchdog stops them if the launcher is killed outright.
 */
public final class AllInOne {

    private static final String LOG = "gyre";
    /** SIGTERM to every service, then SIGKILL to those still running: the whole stop stays within 30 s. */
    static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /** Longest pause of one service while it writes its class-data archive. */
    private static final Duration DUMP_TIMEOUT = Duration.ofSeconds(60);

    /** Environment of every service unless the launcher's environment sets the variable itself. */
    static final Map<String, String> SERVICE_DEFAULTS = Map.of(
            "MALLOC_ARENA_MAX", "2",
            "SERVER_TOMCAT_THREADS_MIN_SPARE", "2");

    private final Settings settings;
    private final PrintStream out;
    private final LinePrefixer prefixer;
    private final List<ServiceProcess> services = new ArrayList<>();
    private Watchdog watchdog;
    private Database database;
    private volatile ClassDataArchives archives;
    private final Supervisor supervisor;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private boolean stopped;

    AllInOne(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
        List<String> names = new ArrayList<>(ServiceSpec.ALL.stream().map(ServiceSpec::name).toList());
        names.add(LOG);
        this.prefixer = new LinePrefixer(names);
        this.supervisor = new Supervisor(RestartPolicy.DEFAULT, Clock.systemUTC(), this::log, this::restarted);
    }

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        PrintStream out = System.out;
        AllInOne launcher;
        try {
            launcher = new AllInOne(Settings.from(System.getenv()), out);
        } catch (LaunchException e) {
            out.println("[" + LOG + "] " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "gyre-shutdown"));
        try {
            launcher.start();
        } catch (RuntimeException e) {
            if (!launcher.isStopping()) {
                launcher.log(e instanceof LaunchException ? e.getMessage() : e.toString());
                launcher.stop();
            }
            System.exit(1);
        }
        launcher.awaitStop();
    }

    void start() {
        long started = System.nanoTime();
        if (!Ports.isFree(settings.gatewayPort())) {
            throw new LaunchException("port " + settings.gatewayPort()
                    + " is in use: stop what listens there or choose another port with GYRE_PORT=<port>");
        }
        if (settings.adminKeyGenerated()) {
            log("no GYRE_ADMIN_KEY set: generated admin key " + settings.adminKey());
        }
        log("data directory " + settings.dataDir());
        watchdog = Watchdog.start();

        Path lib = settings.dataDir().resolve("lib");
        EmbeddedJars jars = EmbeddedJars.fromClassPath(lib);
        ExecutorService pool = Executors.newFixedThreadPool(ServiceSpec.ALL.size(), daemonThreads());
        try {
            // extraction (first start, or a changed launcher) overlaps PostgreSQL's start
            Future<Integer> extracted = Executors.newSingleThreadExecutor(daemonThreads())
                    .submit(() -> jars.extractAll(pool));
            database = Database.start(settings.dataDir().resolve("postgres"), settings.databasePort(),
                    ServiceSpec.ALL.stream().filter(spec -> !spec.isGateway()).map(ServiceSpec::database).toList(), out);
            database.pid().ifPresent(watchdog::watch);
            log("PostgreSQL ready on port " + database.port());

            Map<ServiceSpec, Integer> ports = choosePorts();
            Map<String, String> urls = new LinkedHashMap<>();
            ports.forEach((spec, port) -> {
                if (!spec.isGateway()) {
                    urls.put(spec.urlVariable(), "http://localhost:" + port);
                }
            });
            int written = get(extracted);
            archives = new ClassDataArchives(lib.resolve("cds"), written == 0, ClassDataArchives.jcmdOfThisJdk());
            for (ServiceSpec spec : ServiceSpec.ALL) {
                EmbeddedJars.Launch launch = jars.launch(spec.name());
                List<String> cdsOptions = archives.options(spec.name(), spec.javaOptions(settings.javaOptions()),
                        launch.classPath());
                List<String> options = new ArrayList<>(cdsOptions);
                options.addAll(settings.javaOptions());
                ServiceProcess process = ServiceProcess.start(spec, launch,
                        lib.resolve(spec.name()).resolve("java.args"), ports.get(spec),
                        spec.javaOptions(options), environment(spec, ports.get(spec), urls),
                        settings.dataDir(), prefixer, out);
                synchronized (this) {
                    services.add(process);
                }
                watchdog.watch(process.pid());
            }
            log("started " + services.size() + " services (" + (written == 0 ? "jars unchanged"
                    : written + " file(s) extracted to " + lib) + "); waiting until they are ready");
            awaitReady(pool, started);
        } finally {
            pool.shutdownNow();
        }
        List<ServiceProcess> running;
        synchronized (this) {
            running = List.copyOf(services);
        }
        running.forEach(supervisor::watch);
        printBanner(Duration.ofNanos(System.nanoTime() - started));
        writeArchivesInBackground(running);
        // the launcher only relays output from now on: give back the heap that extraction and start-up used
        System.gc();
    }

    /** A restarted service: the watchdog learns its pid, and its readiness is reported. */
    private void restarted(Supervisor.Child child, Process process) {
        watchdog.watch(process.pid());
        if (!(child instanceof ServiceProcess service)) {
            return;
        }
        Thread thread = new Thread(() -> {
            long started = System.nanoTime();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            try {
                service.awaitReady(http, started + settings.startTimeout().toNanos());
                log(service.name() + " ready again after " + String.format("%.1f s", (System.nanoTime() - started) / 1e9));
            } catch (ServiceProcess.StartFailure e) {
                if (!isStopping()) {
                    log(service.name() + " did not become ready again: " + e.getMessage());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, service.name() + "-readiness");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Services started without an archive write one now, one at a time (each pauses for a few seconds
     * while it writes), so that neither the start nor the stop pays for it.
     */
    private void writeArchivesInBackground(List<ServiceProcess> running) {
        ClassDataArchives cds = archives;
        List<ServiceProcess> pending = running.stream().filter(service -> cds.pending(service.name())).toList();
        if (pending.isEmpty()) {
            return;
        }
        Thread thread = new Thread(() -> {
            log("writing class-data archives in the background, one service at a time (once: later starts are faster)");
            for (ServiceProcess service : pending) {
                if (isStopping()) {
                    return;
                }
                try {
                    cds.dump(service.name(), service.pid(), DUMP_TIMEOUT).ifPresentOrElse(
                            written -> log(String.format("wrote the class-data archive of %s in %.1f s (%d MB)",
                                    service.name(), written.took().toMillis() / 1000.0, written.bytes() >> 20)),
                            () -> {
                                if (!isStopping()) {
                                    log("could not write the class-data archive of " + service.name()
                                            + " (the next start tries again)");
                                }
                            });
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "gyre-cds");
        thread.setDaemon(true);
        thread.start();
    }

    private Map<ServiceSpec, Integer> choosePorts() {
        Set<Integer> taken = new HashSet<>(Set.of(settings.gatewayPort(), database.port()));
        List<Integer> free = new ArrayList<>(Ports.free(ServiceSpec.ALL.size() + 2));
        free.removeAll(taken);
        Map<ServiceSpec, Integer> ports = new LinkedHashMap<>();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            ports.put(spec, spec.isGateway() ? settings.gatewayPort() : free.remove(0));
        }
        return ports;
    }

    /**
     * The child's environment: the launcher's own, with every Gyre variable set explicitly (a null
     * value removes the variable: only the gateway learns the admin key).
     */
    private Map<String, String> environment(ServiceSpec spec, int port, Map<String, String> urls) {
        Map<String, String> env = new LinkedHashMap<>(urls);
        // memory: two malloc arenas instead of 8 per core (glibc keeps freed memory per arena), few idle
        // Tomcat threads; set only when absent, so the caller's own values win
        SERVICE_DEFAULTS.forEach((name, value) -> {
            if (System.getenv(name) == null) {
                env.put(name, value);
            }
        });
        env.put("PORT", Integer.toString(port));
        env.put("GYRE_JAVA_OPTS", null);
        if (spec.isGateway()) {
            env.put("GYRE_PORT", Integer.toString(port));
            env.put("GYRE_ADMIN_KEY", settings.adminKey());
        } else {
            env.put("GYRE_PORT", null);
            env.put("GYRE_ADMIN_KEY", null);
            env.put("GYRE_DB_URL", database.jdbcUrl(spec.database()));
            env.put("GYRE_DB_USER", Database.USER);
            env.put("GYRE_DB_PASSWORD", Database.PASSWORD);
        }
        env.putAll(spec.blobStoreEnvironment(settings.dataDir()));
        return env;
    }

    private void awaitReady(ExecutorService pool, long started) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = started + settings.startTimeout().toNanos();
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (ServiceProcess service : services) {
            ready.add(CompletableFuture.runAsync(() -> {
                try {
                    service.awaitReady(http, deadline);
                    log(service.name() + " ready after "
                            + String.format("%.1f s", (System.nanoTime() - started) / 1e9));
                } catch (ServiceProcess.StartFailure e) {
                    throw new CompletionException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CompletionException(e);
                }
            }, pool));
        }
        CompletableFuture<Object> firstFailure = new CompletableFuture<>();
        ready.forEach(future -> future.whenComplete((ok, failure) -> {
            if (failure != null) {
                firstFailure.complete(failure);
            }
        }));
        CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).thenRun(() -> firstFailure.complete(null));
        Object failure = firstFailure.join();
        if (failure instanceof Throwable t) {
            Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
            throw new LaunchException(cause.getMessage() + "; stopping everything");
        }
    }

    private void printBanner(Duration took) {
        String gateway = "http://localhost:" + settings.gatewayPort();
        String rule = "=".repeat(72);
        log(rule);
        log(String.format("Gyre is ready (%.1f s)", took.toMillis() / 1000.0));
        log("  Gateway     " + gateway);
        log("  Swagger UI  " + gateway + "/swagger-ui/index.html");
        log("  Admin key   " + settings.adminKey() + (settings.adminKeyGenerated()
                ? "   (generated; set GYRE_ADMIN_KEY to keep one)" : "   (from GYRE_ADMIN_KEY)"));
        log("  Try         curl -H 'Authorization: Bearer " + settings.adminKey() + "' " + gateway + "/api/v1/algorithms");
        log("  Data        " + settings.dataDir() + "   (PostgreSQL on port " + database.port() + ")");
        log("  Stop        Ctrl-C");
        log(rule);
    }

    /** Blocks until the platform is being stopped; meanwhile the supervisor restarts services that die. */
    void awaitStop() throws InterruptedException {
        stopping.await();
    }

    private synchronized boolean isStopping() {
        return stopped;
    }

    /**
     * Stops restarting services, then stops them (SIGTERM, up to 20 s for graceful shutdown, then SIGKILL),
     * then PostgreSQL, then dismisses the watchdog. Safe to call twice.
     */
    void stop() {
        List<ServiceProcess> running;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        long started = System.nanoTime();
        // first: no restart may start after the services were told to stop (close waits for one spawning now)
        supervisor.close();
        if (archives != null) {
            archives.close();
        }
        synchronized (this) {
            running = List.copyOf(services);
        }
        stopping.countDown();
        if (!running.isEmpty()) {
            log("stopping " + running.size() + " services");
        }
        running.forEach(ServiceProcess::requestStop);
        long deadline = started + STOP_GRACE.toNanos();
        for (ServiceProcess service : running) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!service.process().waitFor(left, TimeUnit.NANOSECONDS)) {
                    log(service.name() + " did not stop within " + STOP_GRACE.toSeconds() + " s: killing it");
                    service.kill();
                    service.process().waitFor(5, TimeUnit.SECONDS);
                }
                service.drainOutput(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                service.kill();
            }
        }
        if (database != null) {
            try {
                database.close();
                log("PostgreSQL stopped");
            } catch (Exception e) {
                log("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
        if (watchdog != null) {
            watchdog.close();
        }
        log(String.format("stopped in %.1f s", (System.nanoTime() - started) / 1e9));
    }

    private void log(String message) {
        out.println(prefixer.prefixed(LOG, message));
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new LaunchException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while extracting the service jars", e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "gyre-launcher");
            thread.setDaemon(true);
            return thread;
        };
    }
}
