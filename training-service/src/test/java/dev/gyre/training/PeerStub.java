package dev.gyre.training;


import dev.gyre.api.registry.ModelStage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.gyre.api.data.ColumnProfileResponse;
import dev.gyre.api.data.ColumnSpec;
import dev.gyre.api.data.DatasetProfileResponse;
import dev.gyre.api.data.DatasetResponse;
import dev.gyre.api.data.DatasetVersionResponse;
import dev.gyre.api.data.ValidationReport;
import dev.gyre.api.registry.ModelVersionResponse;
import dev.gyre.api.registry.RegisterModelRequest;
import dev.gyre.api.data.DataApi;
import dev.gyre.core.blob.Digests;
import dev.gyre.core.table.CsvTables;
import dev.gyre.core.table.Table;
import dev.gyre.test.Datasets;
import dev.gyre.test.ParquetVersions;
import dev.gyre.test.StubServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * data-service and registry-service as one local HTTP server: dataset {@code penguins} version 1 (VALID,
 * the real CSV, with its profile), {@code broken} version 1 (INVALID), {@code vanishing} version 1 (VALID, but
 * its content answers 410), {@code tiny} version 1 (VALID, 3 rows), {@code one-species} version 1 (VALID, its
 * profile says {@code Species} has one value), {@code curated} version 1 (VALID, the penguins with every fifth
 * row in split {@code test} and the rest in {@code train}, served by {@code ?split=}), {@code failing} (every request a 500 problem); 404 problems for
 * anything else. Registrations of
 * model versions are captured; model {@code locked} is refused with 409.
 */
public final class PeerStub extends StubServer {
    private static final byte[] PENGUINS_CSV = Datasets.penguinsCsv();
    private static final byte[] PENGUINS_PARQUET = ParquetVersions.of(PENGUINS_CSV, Datasets.PENGUIN_COLUMNS);
    private static final DatasetProfileResponse PROFILE = profile(PENGUINS_CSV);
    private static final Pattern VERSION = Pattern.compile("/api/v1/datasets/([^/]+)/versions/(\\d+)(/content|/profile)?");
    private static final Pattern DATASET = Pattern.compile("/api/v1/datasets/([^/]+)");
    private static final Pattern REGISTER = Pattern.compile("/api/v1/models/([^/]+)/versions");

    /** A registration as the stub received it; {@code user} is its {@code X-Gyre-User} header. */
    public record Registration(String model, int version, byte[] bundle, String bundleFilename, String sha256,
                               RegisterModelRequest metadata, String user) {
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> versions = new ConcurrentHashMap<>();

    public PeerStub() {
        on("/api/v1/datasets/", this::dataset);
        on("/api/v1/models/", this::register);
    }

    public List<Registration> registrations() {
        return registrations;
    }

    private static String status(String dataset) {
        return switch (dataset) {
            case "penguins", "vanishing", "tiny", "one-species", "curated" -> "VALID";
            case "broken" -> "INVALID";
            default -> null;
        };
    }

    private Reply dataset(Request request) {
        if (request.path().startsWith("/api/v1/datasets/failing")) {
            return Reply.problem(500, "internal-error", "the disk under dataset failing is full");
        }
        Matcher d = DATASET.matcher(request.path());
        if ("GET".equals(request.method()) && d.matches()) {
            String name = d.group(1);
            if (status(name) == null) {
                return Reply.problem(404, "not-found", "dataset '" + name + "' does not exist");
            }
            return Reply.json(200, new DatasetResponse(name, null, "Species", Datasets.PENGUIN_COLUMNS, 1,
                    Instant.parse("2026-01-01T00:00:00Z"), null, "reject"));
        }
        Matcher m = VERSION.matcher(request.path());
        if (!"GET".equals(request.method()) || !m.matches()) {
            return Reply.problem(404, "not-found", "no such resource " + request.uri());
        }
        String name = m.group(1);
        int version = Integer.parseInt(m.group(2));
        String status = status(name);
        if (status == null || version != 1) {
            return Reply.problem(404, "not-found", "dataset '" + name + "' has no version " + version);
        }
        if ("/content".equals(m.group(3))) {
            return name.equals("vanishing") ? Reply.problem(410, "gone", "dataset 'vanishing' version 1 was deleted")
                    : Reply.bytes(200, DataApi.PARQUET, split(request) == null ? PENGUINS_PARQUET
                    : ParquetVersions.of(splitRows(split(request)), Datasets.PENGUIN_COLUMNS));
        }
        if ("/profile".equals(m.group(3))) {
            return Reply.json(200, name.equals("one-species") ? oneSpecies(PROFILE) : PROFILE);
        }
        DatasetVersionResponse response = new DatasetVersionResponse(name, 1, "sha256:" + Digests.sha256Hex(PENGUINS_CSV),
                name.equals("tiny") ? 3 : 344, Datasets.PENGUIN_COLUMNS, status, new ValidationReport("VALID".equals(status), List.of(), List.of(), null),
                null, Instant.parse("2026-01-01T00:00:00Z"), name.equals("curated") ? Map.of(
                "train", (long) countLines(splitRows("train")), "test", (long) countLines(splitRows("test"))) : null);
        return Reply.json(200, response);
    }

    /** The row count and each column's present, missing and distinct counts, as data-service profiles them. */
    private static DatasetProfileResponse profile(byte[] csv) {
        Table table = CsvTables.read(csv);
        List<ColumnProfileResponse> columns = new ArrayList<>();
        for (ColumnSpec c : Datasets.PENGUIN_COLUMNS) {
            int index = table.indexOf(c.name());
            Set<String> values = new HashSet<>();
            long missing = 0;
            for (int r = 0; r < table.rowCount(); r++) {
                String cell = table.cell(r, index);
                if (Table.isMissing(cell)) {
                    missing++;
                } else {
                    values.add(cell.strip());
                }
            }
            columns.add(new ColumnProfileResponse(c.name(), c.type().json(), table.rowCount() - missing, missing, values.size(),
                    null, null, null, null, null, null, null, null));
        }
        return new DatasetProfileResponse(table.rowCount(), columns);
    }

    private static String split(Request request) {
        String query = request.uri().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("split=")) {
                return pair.substring("split=".length());
            }
        }
        return null;
    }

    /** The header and the rows of {@code split}: every fifth row (0, 5, 10, ...) is test, the others train. */
    private static byte[] splitRows(String split) {
        String[] lines = new String(PENGUINS_CSV, StandardCharsets.UTF_8).split("\n");
        StringBuilder out = new StringBuilder(lines[0]).append('\n');
        for (int r = 1; r < lines.length; r++) {
            if (((r - 1) % 5 == 0) == split.equals("test")) {
                out.append(lines[r]).append('\n');
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int countLines(byte[] csv) {
        return new String(csv, StandardCharsets.UTF_8).split("\n").length - 1;
    }

    private static DatasetProfileResponse oneSpecies(DatasetProfileResponse profile) {
        return new DatasetProfileResponse(profile.rows(), profile.columns().stream().map(c -> !c.name().equals("Species") ? c
                : new ColumnProfileResponse(c.name(), c.type(), c.count(), c.missing(), 1, null, null, null, null, null,
                null, null, null)).toList());
    }

    private Reply register(Request received) {
        Matcher m = REGISTER.matcher(received.path());
        if (!"POST".equals(received.method()) || !m.matches()) {
            return Reply.problem(404, "not-found", "no such resource " + received.uri());
        }
        String model = m.group(1);
        if (model.equals("locked")) {
            return Reply.problem(409, "conflict", "model 'locked' accepts no new versions");
        }
        Map<String, Part> parts = multipart(received.body(), received.header("Content-Type"));
        Part bundle = parts.get("bundle");
        Part metadata = parts.get("metadata");
        if (bundle == null || metadata == null) {
            return Reply.problem(400, "missing-part",
                    "multipart parts 'bundle' and 'metadata' are required, got " + parts.keySet());
        }
        RegisterModelRequest request = json.readValue(metadata.content(), RegisterModelRequest.class);
        int version = versions.computeIfAbsent(model, k -> new AtomicInteger()).incrementAndGet();
        String sha256 = Digests.sha256Hex(bundle.content());
        registrations.add(new Registration(model, version, bundle.content(), bundle.filename(), sha256, request,
                received.header("X-Gyre-User")));
        ModelVersionResponse response = new ModelVersionResponse(model, version, sha256, bundle.content().length,
                ModelStage.ACTIVE, request.alias() == null ? List.of() : List.of(request.alias()), request.metrics(), Map.of(),
                request.lineage(), Instant.now());
        return Reply.json(201, response);
    }

    private record Part(String filename, String contentType, byte[] content) {
    }

    private static Map<String, Part> multipart(byte[] body, String contentType) {
        Matcher b = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType == null ? "" : contentType);
        if (!b.find()) {
            return Map.of();
        }
        byte[] delimiter = ("--" + b.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        byte[] next = ("\r\n--" + b.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, Part> parts = new LinkedHashMap<>();
        int pos = indexOf(body, delimiter, 0);
        while (pos >= 0) {
            int start = pos + delimiter.length;
            if (start + 1 >= body.length || (body[start] == '-' && body[start + 1] == '-')) {
                break;
            }
            start += 2;
            int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            String headers = new String(body, start, headerEnd - start, StandardCharsets.UTF_8);
            int contentStart = headerEnd + 4;
            int end = indexOf(body, next, contentStart);
            String name = group(headers, "name=\"([^\"]*)\"");
            parts.put(name, new Part(group(headers, "filename=\"([^\"]*)\""), group(headers, "(?i)content-type: *([^\r\n]+)"),
                    Arrays.copyOfRange(body, contentStart, end)));
            pos = end + 2;
        }
        return parts;
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
