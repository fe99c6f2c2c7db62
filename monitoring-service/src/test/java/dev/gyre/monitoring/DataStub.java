package dev.gyre.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.gyre.api.data.ColumnSpec;
import dev.gyre.api.data.DatasetResponse;
import dev.gyre.api.data.DatasetVersionResponse;
import dev.gyre.api.data.ValidationReport;
import dev.gyre.test.ParquetVersions;
import dev.gyre.test.StubServer;

/**
 * Plays data-service: datasets with a label column and versions with columns and real CSV content. A request
 * for dataset {@code unreachable} gets its connection closed without an answer, as a crashed peer would; one for
 * dataset {@code failing} a 500 problem, as a broken one would.
 */
public final class DataStub extends StubServer {
    private static final Pattern DATASET = Pattern.compile("/api/v1/datasets/([^/]+)");
    private static final Pattern VERSION = Pattern.compile("/api/v1/datasets/([^/]+)/versions/(\\d+)");
    private static final Pattern CONTENT = Pattern.compile("/api/v1/datasets/([^/]+)/versions/(\\d+)/content");

    private record Version(List<ColumnSpec> columns, byte[] csv, byte[] parquet) {
    }

    private final Map<String, String> labels = new ConcurrentHashMap<>();
    private final Map<String, Version> versions = new ConcurrentHashMap<>();

    DataStub() {
        on("/", this::answer);
    }

    void dataset(String name, String labelColumn) {
        labels.put(name, labelColumn);
    }

    void version(String dataset, int version, List<ColumnSpec> columns, byte[] csv) {
        versions.put(dataset + "/" + version, new Version(columns, csv, ParquetVersions.of(csv, columns)));
    }

    /** How many times the content of a version was asked for. */
    public int contentReads(String dataset, int version) {
        String path = "/api/v1/datasets/" + dataset + "/versions/" + version + "/content";
        return (int) requests().stream().filter(request -> request.path().equals(path)).count();
    }

    private Reply answer(Request request) {
        String path = request.path();
        if (path.startsWith("/api/v1/datasets/unreachable")) {
            return Reply.noAnswer();
        }
        if (path.startsWith("/api/v1/datasets/failing")) {
            return Reply.problem(500, "internal-error", "the disk under dataset failing is full");
        }
        Matcher m;
        if ((m = CONTENT.matcher(path)).matches()) {
            String key = m.group(1) + "/" + m.group(2);
            Version v = versions.get(key);
            if (v == null) {
                return notFound("dataset version " + key);
            }
            return Reply.bytes(200, "application/vnd.apache.parquet", v.parquet());
        } else if ((m = VERSION.matcher(path)).matches()) {
            String key = m.group(1) + "/" + m.group(2);
            Version v = versions.get(key);
            if (v == null) {
                return notFound("dataset version " + key);
            }
            return Reply.json(200, new DatasetVersionResponse(m.group(1), Integer.parseInt(m.group(2)),
                    "0".repeat(64), v.csv().length, v.columns(), "VALID", new ValidationReport(true, List.of(), List.of(), null),
                    null, Instant.parse("2026-01-01T00:00:00Z"), null));
        } else if ((m = DATASET.matcher(path)).matches() && labels.containsKey(m.group(1))) {
            return Reply.json(200, new DatasetResponse(m.group(1), null, labels.get(m.group(1)), null, 1,
                    Instant.parse("2026-01-01T00:00:00Z"), null, "reject"));
        }
        return notFound(path);
    }

    private static Reply notFound(String what) {
        return Reply.problem(404, "not-found", what + " does not exist");
    }
}
