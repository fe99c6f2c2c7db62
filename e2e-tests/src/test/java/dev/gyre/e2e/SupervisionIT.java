package dev.gyre.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults of the all-in-one itself: a service killed with {@code kill -9} comes back (and a training job or a
 * large ingest it was running ends as if nothing had happened), and SIGTERM stops
 * every process (the services' JVMs and PostgreSQL's) within 30 s, also on the first restart on the same
 * data directory (the start that records the class-data archives).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SupervisionIT {
    private static final Duration STOP_BOUND = Duration.ofSeconds(30);
    private static final Set<String> ENDED = Set.of("SUCCEEDED", "FAILED", "CANCELLED");

    private Path dataDir;
    private Platform platform;

    @BeforeAll
    void startPlatform() throws Exception {
        dataDir = Files.createTempDirectory("gyre-e2e-supervision-");
        platform = Platform.start(dataDir, Duration.ofSeconds(240));
    }

    @AfterAll
    void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void aTrainingJobKilledWithItsServiceResumesWhenTheSupervisorRestartsIt() throws Exception {
        Gyre gyre = new Gyre(platform.gateway, platform.adminKey);
        byte[] penguins = Files.readAllBytes(Path.of(System.getProperty("gyre.datasets", "../datasets"), "penguins.csv"));
        assertThat(gyre.postJson("/api/v1/datasets", Map.of("name", "penguins", "labelColumn", "Species")).status())
                .isEqualTo(201);
        assertThat(gyre.postCsv("/api/v1/datasets/penguins/versions", penguins).status()).isEqualTo(201);
        Gyre.Reply submitted = gyre.postJson("/api/v1/training-jobs", Map.of(
                "experiment", "supervision-e2e",
                "dataset", Map.of("name", "penguins", "version", 1),
                "label", "Species",
                "task", "classification",
                // slow enough (tens of seconds here) to be killed while it runs
                "candidates", List.of(Map.of("algorithm", "random-forest", "params", Map.of("numTrees", 200)),
                        Map.of("algorithm", "xgboost", "params", Map.of("numTrees", 300)),
                        Map.of("algorithm", "logistic-regression")),
                "evaluation", Map.of("method", "kfold", "folds", 10, "metric", "accuracy")));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
        String job = "/api/v1/training-jobs/" + submitted.json().path("id").asString();
        Gyre.Reply state = poll(gyre, job, Set.of("RUNNING"), Duration.ofSeconds(60), 100);
        assertThat(state.json().path("status").asString()).as(state.toString()).isEqualTo("RUNNING");

        kill9(platform.service("training-service"));

        state = poll(gyre, job, ENDED, Duration.ofMinutes(4), 1000);
        assertThat(state.json().path("status").asString()).as(state.toString()).isEqualTo("SUCCEEDED");
        assertThat(state.json().path("runs").size()).isEqualTo(3);
        assertThat(platform.output())
                .contains("training-service was killed by signal 9 (SIGKILL) unexpectedly; restarting it in 1 s")
                .contains("Re-queued 1 training job(s)");
    }

    @Test
    @Order(2)
    void aLargeIngestKilledWithDataServiceEndsInTheWholeVersionAfterTheRestart() throws Exception {
        Gyre gyre = new Gyre(platform.gateway, platform.adminKey);
        Path csv = Files.createTempFile("gyre-e2e-large-", ".csv");
        try {
            long rows = writeCsv(csv, 2_000_000);
            assertThat(gyre.postJson("/api/v1/datasets", Map.of("name", "large", "labelColumn", "label")).status())
                    .isEqualTo(201);
            Gyre.Reply accepted = gyre.postCsvFile("/api/v1/datasets/large/versions", csv);
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            String job = "/api/v1/datasets/large/jobs/" + accepted.json().path("job").path("id").asLong();
            Gyre.Reply state = poll(gyre, job, Set.of("RUNNING"), Duration.ofSeconds(60), 50);
            assertThat(state.json().path("status").asString()).as(state.toString()).isEqualTo("RUNNING");

            kill9(platform.service("data-service"));

            state = poll(gyre, job, ENDED, Duration.ofMinutes(4), 500);
            assertThat(state.json().path("status").asString()).as(state.toString()).isEqualTo("SUCCEEDED");
            assertThat(state.json().path("version").asInt()).isEqualTo(1);
            Gyre.Reply version = gyre.get("/api/v1/datasets/large/versions/1");
            assertThat(version.json().path("rows").asLong()).as("the whole file").isEqualTo(rows);
            assertThat(version.json().path("status").asString()).isEqualTo("VALID");
            assertThat(gyre.get("/api/v1/datasets/large/versions/1/profile").json().path("rows").asLong())
                    .isEqualTo(rows);
            assertThat(gyre.get("/api/v1/datasets/large/versions").json().path("total").asLong())
                    .as("one version, not a half-written one beside it").isEqualTo(1);
            assertThat(platform.output())
                    .contains("data-service was killed by signal 9 (SIGKILL) unexpectedly; restarting it in 1 s")
                    .contains("Re-queued 1 ingest job(s)");
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /** A CSV of numbers, a category and a label (about 65 bytes a row), written as a stream; returns its rows. */
    private static long writeCsv(Path file, int rows) throws java.io.IOException {
        java.util.Random random = new java.util.Random(7);
        String[] cities = {"Nairobi", "Quito", "Oslo", "Hanoi", "Lima", "Perth"};
        try (var out = Files.newBufferedWriter(file)) {
            out.write("f1,f2,f3,f4,city,label\n");
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                line.append(random.nextInt(100_000) / 100.0).append(',').append(random.nextInt(1_000_000)).append(',')
                        .append(random.nextInt(10_000) / 10.0).append(',').append(random.nextInt(50_000)).append(',')
                        .append(cities[random.nextInt(cities.length)]).append(',')
                        .append(random.nextBoolean() ? "yes" : "no").append('\n');
                out.append(line);
            }
        }
        return rows;
    }

    @Test
    @Order(3)
    void aServiceKilledWithSigkillIsRestartedAndAnswersAgainThroughTheGateway() throws Exception {
        Gyre gyre = new Gyre(platform.gateway, platform.adminKey);
        assertThat(gyre.get("/api/v1/models").status()).isEqualTo(200);
        ProcessHandle registry = platform.service("registry-service");

        Instant killed = Instant.now();
        kill9(registry);

        Gyre.Reply reply = gyre.get("/api/v1/models");
        Instant deadline = killed.plus(Duration.ofSeconds(120));
        while (reply.status() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            reply = gyre.get("/api/v1/models");
        }
        Duration back = Duration.between(killed, Instant.now());
        System.out.printf("registry-service answered again %.1f s after kill -9%n", back.toMillis() / 1000.0);

        assertThat(reply.status()).as("answer within 120 s of kill -9: %s", reply).isEqualTo(200);
        ProcessHandle again = platform.service("registry-service");
        assertThat(again.pid()).isNotEqualTo(registry.pid());
        assertThat(platform.output())
                .contains("registry-service was killed by signal 9 (SIGKILL) unexpectedly; restarting it in 1 s")
                .contains("restarted registry-service (pid " + again.pid() + ")")
                .contains("registry-service ready again after");
        // the other services were not touched
        assertThat(gyre.get("/api/v1/datasets").status()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void sigtermStopsEveryChildAndPostgresWithin30Seconds() throws Exception {
        assertStopsWithin30Seconds(platform);
        platform = null;
    }

    @Test
    @Order(5)
    void aRestartOnTheSameDataDirectoryStopsWithin30SecondsToo() throws Exception {
        platform = Platform.start(dataDir, Duration.ofSeconds(240));
        assertThat(platform.output()).as("a restart: jars unchanged").contains("jars unchanged");
        // stop at once: the class-data archives are being written in the background now
        assertStopsWithin30Seconds(platform);
        assertThat(platform.output()).doesNotContain("killing it").doesNotContain("restarting it");
        platform = null;
    }

    private static void assertStopsWithin30Seconds(Platform platform) throws Exception {
        List<ProcessHandle> processes = new ArrayList<>(platform.children());
        List<ProcessHandle> postgres = platform.postgres();
        processes.addAll(postgres);
        assertThat(processes.size()).as("six services, the watchdog and PostgreSQL").isGreaterThan(8);

        long start = System.nanoTime();
        platform.launcher().destroy(); // SIGTERM
        long deadline = start + STOP_BOUND.toNanos();
        for (ProcessHandle process : processes) {
            process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        platform.launcher().onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("platform stopped in %.1f s%n", took.toMillis() / 1000.0);

        assertThat(processes).allSatisfy(process -> assertThat(process.isAlive()).as("pid %d", process.pid()).isFalse());
        assertThat(took).isLessThan(STOP_BOUND);
        assertThat(platform.dataDir.resolve("postgres").resolve("postmaster.pid")).doesNotExist();
    }

    /**
     * Reads the job at {@code path} every {@code everyMillis} until its status is one of {@code statuses} or
     * {@code within} has passed (an answer without JSON, such as the gateway's while the service is down, counts
     * as no status); returns the last reading.
     */
    private static Gyre.Reply poll(Gyre gyre, String path, Set<String> statuses, Duration within, long everyMillis)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        Gyre.Reply state = gyre.get(path);
        while (!statuses.contains(state.json() == null ? "" : state.json().path("status").asString())
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(everyMillis);
            state = gyre.get(path);
        }
        return state;
    }

    /** {@code kill -9 <pid>}, as the OOM killer would. */
    private static void kill9(ProcessHandle process) throws Exception {
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(5, TimeUnit.SECONDS)).isTrue();
        process.onExit().get(5, TimeUnit.SECONDS);
    }
}
