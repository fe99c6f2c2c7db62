package dev.gyre.core.columnar;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample a ranking of a large version reads: its size, and the same rows for the same seed. */
class VersionReaderTest {
    static ColumnarEngine engine;
    static ColumnarEngine oneThread;
    static Path file;

    @TempDir
    Path dir;

    @BeforeAll
    static void open(@TempDir Path spill) throws Exception {
        engine = ColumnarEngine.open(new ColumnarEngine.Settings("256MB", 2, spill.resolve("two")));
        oneThread = ColumnarEngine.open(new ColumnarEngine.Settings("256MB", 1, spill.resolve("one")));
        file = spill.resolve("rows.parquet");
        try (Connection c = engine.connect(); Statement s = c.createStatement()) {
            // "file_row_number" is also the name DuckDB gives a row's position: a column may be called that too
            s.execute("COPY (SELECT i AS id, i % 7 AS g, 'k' || (i % 3) AS file_row_number FROM range(300000) t(i))"
                    + " TO '" + file + "' (FORMAT parquet, ROW_GROUP_SIZE 20000)");
        }
    }

    @AfterAll
    static void close() {
        engine.close();
        oneThread.close();
    }

    @Test
    void countsRows() {
        assertThat(new VersionReader(engine).rowCount(file)).isEqualTo(300_000);
    }

    @Test
    void aSampleHasTheRowsAskedForAndTheSameOnesForTheSameSeedOnAnyNumberOfThreads() {
        VersionReader reader = new VersionReader(engine);
        List<Double> first = sampledIds(reader, 1_000, 42, "a");
        List<Double> again = sampledIds(reader, 1_000, 42, "b");
        List<Double> single = sampledIds(new VersionReader(oneThread), 1_000, 42, "c");
        List<Double> otherSeed = sampledIds(reader, 1_000, 43, "d");

        assertThat(first).hasSize(1_000).doesNotHaveDuplicates();
        assertThat(again).isEqualTo(first);
        assertThat(single).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        assertThat(first.get(0)).isLessThan(30_000.0); // spread over the file, not its head
        assertThat(first.get(first.size() - 1)).isGreaterThan(270_000.0);
    }

    @Test
    void aSampleOfMoreRowsThanTheFileHasIsTheFileAndKeepsColumnsNamedLikeThePosition() {
        VersionReader reader = new VersionReader(engine);
        Path out = dir.resolve("all.parquet");
        reader.sample(file, List.of("id", "file_row_number"), 400_000, 1, out);

        assertThat(reader.rowCount(out)).isEqualTo(300_000);
        assertThat(reader.columns(out).keySet()).containsExactly("id", "file_row_number");
        assertThat(reader.strings(out, "file_row_number")).allMatch(v -> v.startsWith("k"));
    }

    private List<Double> sampledIds(VersionReader reader, int rows, long seed, String name) {
        Path out = dir.resolve(name + ".parquet");
        reader.sample(file, List.of("id", "g"), rows, seed, out);
        return java.util.Arrays.stream(reader.doubles(out, "id")).sorted().boxed().toList();
    }
}
