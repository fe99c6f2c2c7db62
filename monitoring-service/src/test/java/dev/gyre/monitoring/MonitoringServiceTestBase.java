package dev.gyre.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import dev.gyre.api.monitoring.PredictionLogBatch;
import dev.gyre.api.monitoring.PredictionRecord;
import dev.gyre.core.table.CsvTables;
import dev.gyre.core.table.Table;
import dev.gyre.core.table.Values;
import dev.gyre.test.Datasets;
import dev.gyre.test.HttpTestClient;
import dev.gyre.test.HttpTestClient.Response;
import dev.gyre.test.PostgresTestConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Spring context of monitoring-service's tests: real PostgreSQL, real HTTP on a random port, and a
 * stub data-service serving {@code penguins} version 1 (the real penguins CSV, label column Species).
 * Each test uses its own deployment names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PostgresTestConfiguration.class)
public abstract class MonitoringServiceTestBase {
    protected static final DataStub DATA = new DataStub();
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final byte[] PENGUINS_CSV = Datasets.penguinsCsv();
    /** The penguins as read by core: header and cells, missing cells null. */
    protected static final Table PENGUINS = CsvTables.read(PENGUINS_CSV);
    protected static final List<String> FEATURES = List.of("Island", "Beak Length (mm)", "Beak Depth (mm)",
            "Flipper Length (mm)", "Body Mass (g)", "Sex");
    private static final Set<String> NUMERIC = Set.of("Beak Length (mm)", "Beak Depth (mm)",
            "Flipper Length (mm)", "Body Mass (g)");

    static {
        DATA.dataset("penguins", "Species");
        DATA.version("penguins", 1, Datasets.PENGUIN_COLUMNS, PENGUINS_CSV);
        // the stub lives as long as the cached context that uses it: stop it when the JVM ends
        Runtime.getRuntime().addShutdownHook(new Thread(DATA::close));
    }

    @DynamicPropertySource
    static void peers(DynamicPropertyRegistry registry) {
        registry.add("spring.http.serviceclient.data.base-url", DATA::url);
    }

    protected HttpTestClient http;

    @LocalServerPort
    void connect(int port) {
        http = new HttpTestClient(port);
    }

    /** Creates (or updates) a monitor of {@code deployment} on penguins version 1 with these extra fields. */
    protected Response monitor(String deployment, String extraJson) {
        return http.put("/api/v1/monitors/" + deployment, "{\"reference\":{\"dataset\":\"penguins\",\"version\":1}"
                + (extraJson.isEmpty() ? "" : "," + extraJson) + "}");
    }

    /** Logs predictions, one per penguin row given, predicting the row's Species as label. */
    protected Response log(List<PredictionRecord> records) {
        return http.post("/api/v1/predictions", JSON.writeValueAsString(new PredictionLogBatch(records)));
    }

    /**
     * One prediction record per row: inputs are the row's features (numbers as numbers, missing cells left
     * out) after {@code change}, the label the row's Species; ids are {@code prefix-<i>}.
     */
    protected static List<PredictionRecord> records(String deployment, String prefix, List<Integer> rows,
                                                    UnaryOperator<Map<String, Object>> change) {
        List<PredictionRecord> records = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < rows.size(); i++) {
            String[] row = PENGUINS.row(rows.get(i));
            Map<String, Object> inputs = new LinkedHashMap<>();
            for (String feature : FEATURES) {
                String cell = row[PENGUINS.indexOf(feature)];
                if (cell != null) {
                    inputs.put(feature, NUMERIC.contains(feature) ? Values.parseNumber(cell) : cell);
                }
            }
            records.add(new PredictionRecord(prefix + "-" + i, deployment, "penguins", 1,
                    now.minusMillis(rows.size() - i), change.apply(inputs), row[PENGUINS.indexOf("Species")],
                    null, Map.of()));
        }
        return records;
    }

    /** Every row index of the penguins. */
    protected static List<Integer> allRows() {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < PENGUINS.rowCount(); i++) {
            rows.add(i);
        }
        return rows;
    }

    /** The feature named {@code name} in a drift report. */
    protected static JsonNode feature(JsonNode report, String name) {
        for (JsonNode feature : report.get("features")) {
            if (feature.get("name").asString().equals(name)) {
                return feature;
            }
        }
        throw new AssertionError("feature '" + name + "' is not in the report: " + report);
    }
}
