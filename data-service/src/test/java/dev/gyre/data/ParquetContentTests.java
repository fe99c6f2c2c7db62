package dev.gyre.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import dev.gyre.core.columnar.ColumnarEngine;
import dev.gyre.test.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static dev.gyre.test.Datasets.penguinsCsv;
import static dev.gyre.test.ProblemAssertions.problem;
import static dev.gyre.test.UniqueNames.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

/** Versions are stored as typed Parquet: served as Parquet or CSV, with chosen columns, and ingested from Parquet. */
class ParquetContentTests extends DataServiceTestBase {
    private static final String PARQUET = "application/vnd.apache.parquet";

    @Autowired
    ColumnarEngine engine;

    @Test
    void servesTheVersionAsTypedParquetWithTheColumnsAsked() throws Exception {
        String name = createDataset(uniqueName("parquet-out"), null);
        assertThat(postCsv(name, penguinsCsv()).status()).isEqualTo(201);

        Response whole = http.withHeader("Accept", PARQUET).get("/api/v1/datasets/" + name + "/versions/1/content");
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Content-Type")).hasValue(PARQUET);
        assertThat(query(whole.bytes(), "SELECT count(*), typeof(any_value(\"Body Mass (g)\")), "
                + "typeof(any_value(\"Species\")) FROM data")).isEqualTo("344|DOUBLE|VARCHAR");

        Response two = http.withHeader("Accept", PARQUET)
                .get("/api/v1/datasets/" + name + "/versions/1/content?columns=Species,Island");
        assertThat(query(two.bytes(), "SELECT string_agg(column_name, ',') FROM (DESCRIBE data)"))
                .isEqualTo("Species,Island");

        Response csv = http.get("/api/v1/datasets/" + name + "/versions/1/content?columns=Island,Species");
        assertThat(csv.text()).startsWith("Island,Species\nTorgersen,Adelie\n");
        assertThat(problem(http.get("/api/v1/datasets/" + name + "/versions/1/content?columns=Species,nope"), 400,
                "unknown-column").path("column").asString()).isEqualTo("nope");
    }

    @Test
    void ingestsAParquetUploadAndRefusesWhatIsNotParquet() throws Exception {
        String name = createDataset(uniqueName("parquet-in"), null);
        Path source = engine.tempFile(".parquet");
        try (Connection c = engine.connect(); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT i::INTEGER AS n, i % 2 = 0 AS even, 'c' || (i % 3) AS cat FROM range(50) t(i))"
                    + " TO '" + source + "' (FORMAT parquet)");
        }
        byte[] parquet = Files.readAllBytes(source);
        Files.delete(source);

        Response created = http.post("/api/v1/datasets/" + name + "/versions", PARQUET, parquet);

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode columns = created.body().path("columns");
        assertThat(columns.findValuesAsString("type")).containsExactly("numeric", "boolean", "categorical");
        assertThat(created.body().path("rows").asLong()).isEqualTo(50);
        assertThat(http.post("/api/v1/datasets/" + name + "/versions", PARQUET, parquet).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/datasets/" + name + "/versions/1/content").text())
                .startsWith("n,even,cat\n0,true,c0\n1,false,c1\n");

        problem(http.post("/api/v1/datasets/" + name + "/versions", PARQUET, "n,even\n1,true\n".getBytes()), 400,
                "invalid-parquet");
        byte[] truncated = java.util.Arrays.copyOf(parquet, parquet.length / 2);
        problem(http.post("/api/v1/datasets/" + name + "/versions", PARQUET, truncated), 400, "invalid-parquet");
        assertThat(http.get("/api/v1/datasets/" + name).body().path("latestVersion").asInt()).isEqualTo(1);
    }

    /** Runs {@code sql} over the Parquet {@code bytes} (as table {@code data}); the first row, cells joined by |. */
    private String query(byte[] bytes, String sql) throws Exception {
        Path file = engine.tempFile(".parquet");
        try (Connection c = engine.connect(); Statement s = c.createStatement()) {
            Files.write(file, bytes);
            s.execute("CREATE OR REPLACE TEMP VIEW data AS SELECT * FROM read_parquet('" + file + "')");
            try (ResultSet r = s.executeQuery(sql)) {
                r.next();
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    row.append(i > 1 ? "|" : "").append(r.getString(i));
                }
                return row.toString();
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
