package dev.gyre.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The all-in-one platform as a process of its own: started on free ports with a fresh data
 * directory and admin key, its output kept in target/, stopped (with everything it started) at the end.
 */
final class Platform implements AutoCloseable {
    private static final List<String> ROUTED = List.of("/api/v1/datasets", "/api/v1/algorithms",
            "/api/v1/models", "/api/v1/deployments", "/api/v1/alerts");

    final URI gateway;
    final String adminKey;
    final Path log;
    final Path dataDir;
    private final Process process;

    private Platform(URI gateway, String adminKey, Path log, Path dataDir, Process process) {
        this.gateway = gateway;
        this.adminKey = adminKey;
        this.log = log;
        this.dataDir = dataDir;
        this.process = process;
    }

    static Platform start(Duration timeout) throws IOException, InterruptedException {
        return start(Files.createTempDirectory("gyre-e2e-"), timeout);
    }

    /** Starts the platform on {@code dataDir}: a fresh one, or one an earlier platform left (a restart). */
    static Platform start(Path dataDir, Duration timeout) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("gyre.allInOneJar", "../all-in-one/target/gyre-all-in-one.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the platform first: " + jar.toAbsolutePath() + " is missing");
        }
        int port = freePort();
        String key = HexFormat.of().formatHex(randomBytes());
        Path log = Path.of("target", "platform-" + port + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("GYRE_PORT", Integer.toString(port));
        builder.environment().put("GYRE_DATA_DIR", dataDir.toString());
        builder.environment().put("GYRE_ADMIN_KEY", key);
        Platform platform = new Platform(URI.create("http://localhost:" + port), key, log, dataDir, builder.start());
        try {
            platform.awaitReady(timeout);
        } catch (RuntimeException | InterruptedException e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    /** Ready when the gateway answers 200 through every service's route. */
    private void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("platform exited with " + process.exitValue() + "; see " + log);
            }
            if (ROUTED.stream().allMatch(path -> answers(http, path))) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("platform not ready within " + timeout + "; see " + log);
    }

    private boolean answers(HttpClient http, String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(gateway.resolve(path))
                    .header("Authorization", "Bearer " + adminKey).timeout(Duration.ofSeconds(5)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as a user's Ctrl-C would be; the launcher stops its services and PostgreSQL. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<ProcessHandle> children() {
        return process.descendants().toList();
    }

    /** The launcher's own process. */
    ProcessHandle launcher() {
        return process.toHandle();
    }

    /** The running JVM of {@code service} (its command names {@code lib/<service>/java.args}). */
    ProcessHandle service(String service) {
        String argumentFile = "/lib/" + service + "/java.args";
        return process.descendants()
                .filter(p -> p.isAlive() && p.info().commandLine().orElse("").contains(argumentFile))
                .findFirst().orElseThrow(() -> new AssertionError("no running " + service + " process"));
    }

    /**
     * PostgreSQL's postmaster (from its pid file) and its backends: pg_ctl starts it detached, so it is
     * not a descendant of the launcher.
     */
    List<ProcessHandle> postgres() {
        try {
            Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no postmaster " + pid));
            return java.util.stream.Stream.concat(java.util.stream.Stream.of(postmaster), postmaster.descendants()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
