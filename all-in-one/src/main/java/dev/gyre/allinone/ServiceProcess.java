package dev.gyre.allinone;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One service: its JVM (started again, with the same command, when it is restarted), its port, its output pump. */
final class ServiceProcess implements Supervisor.Child {

    /** The service exited (or never became ready) while the platform was starting. */
    static final class StartFailure extends Exception {
        StartFailure(String message) {
            super(message);
        }
    }

    private final ServiceSpec spec;
    private final int port;
    private final ProcessBuilder builder;
    private final LinePrefixer prefixer;
    private final PrintStream out;
    private volatile Process process;
    private volatile Thread pump;

    private ServiceProcess(ServiceSpec spec, int port, ProcessBuilder builder, LinePrefixer prefixer, PrintStream out) {
        this.spec = spec;
        this.port = port;
        this.builder = builder;
        this.prefixer = prefixer;
        this.out = out;
    }

    /**
     * Starts {@code java <options> @<lib>/<service>/java.args <main class>}: the argument file holds the
     * class path (over 150 jars), which keeps the command line that {@code ps} shows short.
     */
    static ServiceProcess start(ServiceSpec spec, EmbeddedJars.Launch launch, Path argumentFile, int port,
                                List<String> javaOptions, Map<String, String> environment, Path workingDirectory,
                                LinePrefixer prefixer, PrintStream out) {
        writeArgumentFile(argumentFile, launch.classPath());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.add("@" + argumentFile);
        command.add(launch.mainClass());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true);
        // stdin stays a pipe the launcher holds open; nothing is written to it
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        ServiceProcess service = new ServiceProcess(spec, port, builder, prefixer, out);
        service.restart();
        return service;
    }

    /** Starts the JVM (again): same command, environment and port. */
    @Override
    public synchronized Process restart() {
        try {
            Process started = builder.start();
            pump = prefixer.pumpInBackground(spec.name(), started.getInputStream(), out);
            process = started;
            return started;
        } catch (IOException e) {
            throw new LaunchException("could not start " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    /** {@code -cp "<class path>"} in the JDK's argument-file syntax (quoted, backslashes escaped). */
    static String argumentFileText(List<Path> classPath) {
        String joined = String.join(java.io.File.pathSeparator, classPath.stream().map(Path::toString).toList());
        return "-cp \"" + joined.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n";
    }

    private static void writeArgumentFile(Path file, List<Path> classPath) {
        try {
            String text = argumentFileText(classPath);
            if (!Files.isRegularFile(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, text, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new LaunchException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    ServiceSpec spec() {
        return spec;
    }

    @Override
    public String name() {
        return spec.name();
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public Process process() {
        return process;
    }

    /**
     * Polls {@code /actuator/health/readiness} until it answers 200; fails as soon as the process
     * exits or the deadline passes.
     */
    void awaitReady(HttpClient http, long deadlineNanos) throws StartFailure, InterruptedException {
        Process process = this.process;
        Thread pump = this.pump;
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (true) {
            if (!process.isAlive()) {
                pump.join(1_000);
                throw new StartFailure(name() + " exited with code " + process.exitValue() + " during start-up");
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling
            }
            if (System.nanoTime() > deadlineNanos) {
                throw new StartFailure(name() + " was not ready in time (no 200 from /actuator/health/readiness)");
            }
            Thread.sleep(200);
        }
    }

    /** Asks the service to stop (SIGTERM: Spring's graceful shutdown). */
    void requestStop() {
        process.destroy();
    }

    /** Kills the service (SIGKILL) if still running. */
    void kill() {
        process.destroyForcibly();
    }

    /** Waits for the pump to print the last lines of a stopped service. */
    void drainOutput(long millis) throws InterruptedException {
        pump.join(millis);
    }
}
