package dev.gyre.data.job;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

import dev.gyre.core.blob.BlobStore;
import dev.gyre.core.blob.Digests;
import dev.gyre.data.DataServiceTestBase;
import dev.gyre.test.HttpTestClient;
import dev.gyre.test.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static dev.gyre.test.ProblemAssertions.problem;
import static dev.gyre.test.UniqueNames.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads over {@code gyre.data.jobs.async-above} (256 KB here) are stored, answered 202 with a job, and ingested in
 * the background; a job left RUNNING by a dead process runs again; what nothing references is swept.
 */
class IngestJobTests extends DataServiceTestBase {
    @Autowired
    BlobStore blobs;

    @Autowired
    IngestJobRunner runner;

    @Autowired
    IngestJobStore store;

    @Autowired
    BlobSweep sweep;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLargeUploadIsAJobThatEndsInTheVersion() {
        String name = createDataset(uniqueName("job"), null);
        byte[] csv = generated(20_000, 1, false);

        Response accepted = postCsv(name, csv);

        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        JsonNode job = accepted.body().path("job");
        assertThat(job.path("status").asString()).isIn("QUEUED", "RUNNING", "SUCCEEDED");
        assertThat(accepted.headers().firstValue("Location")).hasValue("/api/v1/datasets/" + name + "/jobs/"
                + job.path("id").asLong());
        JsonNode done = awaitEnd(name, job.path("id").asLong());
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.path("version").asInt()).isEqualTo(1);
        assertThat(done.path("progress").path("bytes").asLong()).isEqualTo(csv.length);
        assertThat(done.path("progress").path("totalBytes").asLong()).isEqualTo(csv.length);
        assertThat(done.path("progress").path("rows").asLong()).isEqualTo(20_000);
        assertThat(http.get("/api/v1/datasets/" + name + "/versions/1").body().path("rows").asLong())
                .isEqualTo(20_000);
        assertThat(blobs.exists(Digests.sha256Hex(csv))).as("the upload is removed once ingested").isFalse();

        Response again = postCsv(name, csv);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("version").asInt()).isEqualTo(1);
        problem(http.post("/api/v1/datasets/" + name + "/jobs/" + job.path("id").asLong() + "/cancel"), 409,
                "job-finished");
        problem(http.get("/api/v1/datasets/" + name + "/jobs/999999"), 404, "not-found");
    }

    @Test
    void aClientThatPrefersToWaitForAMidSizedUploadHasItIngestedInTheRequest() {
        String name = createDataset(uniqueName("job-inline"), null);
        HttpTestClient waiting = http.withHeader("Prefer", "wait=20");
        byte[] csv = generated(10_000, 9, false); // above async-above (256 KB), within waited-in-request-up-to
        assertThat(csv.length).isBetween(256 << 10, 512 << 10);

        Response created = waiting.post("/api/v1/datasets/" + name + "/versions", "text/csv", csv);

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().path("rows").asLong()).isEqualTo(10_000);
        assertThat(jdbc.queryForObject("select count(*) from ingest_job j join dataset d on d.id = j.dataset_id"
                + " where d.name = ?", Long.class, name)).as("no job").isZero();
        assertThat(blobs.exists(Digests.sha256Hex(csv))).as("the upload was not stored").isFalse();

        Response bad = waiting.post("/api/v1/datasets/" + name + "/versions", "text/csv",
                generated(10_000, 10, true));

        problem(bad, 400, "invalid-csv");
    }

    @Test
    void aClientThatPrefersToWaitGetsTheVersionOrTheEndedJobInOneCall() {
        String name = createDataset(uniqueName("job-wait"), null);
        HttpTestClient waiting = http.withHeader("Prefer", "respond-async, wait=20");

        Response created = waiting.post("/api/v1/datasets/" + name + "/versions", "text/csv",
                generated(20_000, 6, false));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().path("version").asInt()).isEqualTo(1);
        assertThat(created.body().path("rows").asLong()).isEqualTo(20_000);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/datasets/" + name + "/versions/1");

        Response failed = waiting.post("/api/v1/datasets/" + name + "/versions", "text/csv",
                generated(20_000, 7, true));

        assertThat(failed.status()).as(failed.text()).isEqualTo(202);
        assertThat(failed.body().path("job").path("status").asString()).isEqualTo("FAILED");
        assertThat(failed.body().path("job").path("error").path("code").asString()).isEqualTo("invalid-csv");
    }

    @Test
    void aJobReadWithPreferWaitIsAnsweredWhenItEndsOrWhenTheWaitIsOver() {
        String name = createDataset(uniqueName("job-poll"), null);
        runner.stop();
        String path;
        Response stillQueued;
        try {
            long id = postCsv(name, generated(20_000, 8, false)).body().path("job").path("id").asLong();
            path = "/api/v1/datasets/" + name + "/jobs/" + id;
            stillQueued = http.withHeader("Prefer", "wait=1").get(path);
        } finally {
            runner.start();
        }
        assertThat(stillQueued.body().path("status").asString()).isEqualTo("QUEUED");
        assertThat(stillQueued.millis()).as("answered after the wait").isGreaterThanOrEqualTo(900);

        Response ended = http.withHeader("Prefer", "wait=20").get(path);

        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.body().path("status").asString()).as("answered when the job ended").isEqualTo("SUCCEEDED");
    }

    @Test
    void aBadLargeUploadFailsItsJobAndLeavesNothing() {
        String name = createDataset(uniqueName("job-bad"), null);
        byte[] csv = generated(20_000, 2, true);

        Response accepted = postCsv(name, csv);

        assertThat(accepted.status()).isEqualTo(202);
        JsonNode done = awaitEnd(name, accepted.body().path("job").path("id").asLong());
        assertThat(done.path("status").asString()).isEqualTo("FAILED");
        assertThat(done.path("error").path("code").asString()).isEqualTo("invalid-csv");
        assertThat(done.path("error").path("detail").asString()).startsWith("line 20002: ");
        assertThat(http.get("/api/v1/datasets/" + name).body().path("latestVersion").isNull()).isTrue();
        assertThat(blobs.exists(Digests.sha256Hex(csv))).isFalse();
    }

    @Test
    void aQueuedJobCanBeCancelledAndAnOrphanedOneRunsAgain() {
        String name = createDataset(uniqueName("job-cancel"), null);
        byte[] first = generated(20_000, 3, false);
        byte[] second = generated(20_000, 4, false);
        runner.stop();
        long cancelled;
        long orphan;
        try {
            cancelled = postCsv(name, first).body().path("job").path("id").asLong();
            orphan = postCsv(name, second).body().path("job").path("id").asLong();
            JsonNode answer = http.post("/api/v1/datasets/" + name + "/jobs/" + cancelled + "/cancel").body();
            assertThat(answer.path("status").asString()).isEqualTo("CANCELLED");
            // a process that died while running it: the row says RUNNING, no worker holds it
            assertThat(store.claimNext()).hasValueSatisfying(j -> assertThat(j.getId()).isEqualTo(orphan));
            assertThat(job(name, orphan).path("status").asString()).isEqualTo("RUNNING");
        } finally {
            runner.start(); // re-queues the orphan, as a restart of data-service does
        }
        JsonNode done = awaitEnd(name, orphan);
        assertThat(done.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job(name, cancelled).path("status").asString()).isEqualTo("CANCELLED");
        assertThat(http.get("/api/v1/datasets/" + name).body().path("latestVersion").asInt()).isEqualTo(1);
    }

    @Test
    void anUploadPastTheCapIs413AndAJobIdMustBeANumber() {
        String name = createDataset(uniqueName("job-cap"), null);
        byte[] huge = generated(150_000, 5, false); // about 4.5 MB

        problem(postCsv(name, huge), 413, "upload-too-large");

        assertThat(http.get("/api/v1/datasets/" + name).body().path("latestVersion").isNull()).isTrue();
        assertThat(blobs.exists(Digests.sha256Hex(huge))).isFalse();
        problem(http.get("/api/v1/datasets/" + name + "/jobs/abc"), 400, "invalid-parameter");
        problem(http.get("/api/v1/datasets/" + name + "/jobs/1e3"), 400, "invalid-parameter");
        problem(http.post("/api/v1/datasets/no-such-dataset/jobs/1/cancel"), 404, "not-found");
    }

    @Test
    void theSweepRemovesWhatNothingReferences() {
        String name = createDataset(uniqueName("sweep"), null);
        assertThat(postCsv(name, "a,b\n1,x\n".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);
        String parquet = jdbc.queryForObject("select v.content_key from dataset_version v join dataset d on"
                + " d.id = v.dataset_id where d.name = ?", String.class, name);
        String orphan = blobs.put("nobody's blob".getBytes(StandardCharsets.UTF_8));

        assertThat(sweep.sweep(Duration.ofHours(1))).as("young blobs are kept").isZero();
        assertThat(sweep.sweep(Duration.ZERO)).isPositive();

        assertThat(blobs.exists(orphan)).isFalse();
        assertThat(blobs.exists(parquet)).isTrue();
        assertThat(http.get("/api/v1/datasets/" + name + "/versions/1/content").text()).isEqualTo("a,b\n1,x\n");
    }

    private JsonNode job(String name, long id) {
        Response response = http.get("/api/v1/datasets/" + name + "/jobs/" + id);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.body();
    }

    private JsonNode awaitEnd(String name, long id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode job = job(name, id);
            String status = job.path("status").asString();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return job;
            }
            assertThat(System.nanoTime()).as("job " + id + " still " + status).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** About 0.7 MB: numbers, a category, a label; with {@code ragged}, a short last row. */
    private static byte[] generated(int rows, long seed, boolean ragged) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("x,y,city,label\n");
        for (int i = 0; i < rows; i++) {
            csv.append(random.nextGaussian()).append(',').append(random.nextInt(1000)).append(',')
                    .append("c").append(random.nextInt(6)).append(',').append(random.nextBoolean() ? "yes" : "no")
                    .append('\n');
        }
        if (ragged) {
            csv.append("1,2\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
