package dev.gyre.core.columnar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import dev.gyre.core.profile.ColumnProfile;
import dev.gyre.core.profile.DatasetProfile;
import dev.gyre.core.profile.Profiler;
import dev.gyre.core.table.Column;
import dev.gyre.core.table.ColumnType;
import dev.gyre.core.table.CsvFormatException;
import dev.gyre.core.table.CsvTables;
import dev.gyre.core.table.SchemaValidator;
import dev.gyre.core.table.Table;
import dev.gyre.core.table.TableSchema;
import dev.gyre.core.table.TypeInference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The engine's version equals what the in-heap path (CsvTables, TypeInference, SchemaValidator, Profiler) computes
 * on the same file, and the written Parquet holds the typed rows.
 */
class VersionWriterTest {
    static ColumnarEngine engine;
    static VersionWriter writer;

    @TempDir
    Path dir;

    @BeforeAll
    static void open(@TempDir Path spill) {
        engine = ColumnarEngine.open(new ColumnarEngine.Settings("256MB", 2, spill));
        writer = new VersionWriter(engine);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void penguinsMatchTheInHeapPath() throws IOException {
        Path csv = Path.of(System.getProperty("basedir", "."), "../datasets/penguins.csv");
        assertSameAsInHeap(Files.readAllBytes(csv), null);
    }

    @Test
    void generatedMixedColumnsMatchTheInHeapPath() {
        assertSameAsInHeap(generated(5_000, 7), null);
    }

    @Test
    void aLargeUploadLoadedIntoADatabaseFileGivesTheSameVersion() {
        VersionWriter onDisk = new VersionWriter(engine, 0);
        byte[] csv = generated(3_000, 11);
        WrittenVersion inMemory = writer.fromCsv(write(csv), null, dir.resolve("m.parquet"));
        WrittenVersion fromFile = onDisk.fromCsv(write(csv), null, dir.resolve("f.parquet"));
        assertThat(fromFile.schema()).isEqualTo(inMemory.schema());
        assertSameProfile(fromFile.profile(), inMemory.profile());
        assertThat(spoolFiles()).as("the database file is gone").isEmpty();
    }

    private static List<Path> spoolFiles() {
        try (var files = Files.list(engine.settings().tempDirectory())) {
            return files.filter(f -> f.toString().endsWith(".duckdb") || f.toString().endsWith(".wal")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aColumnNumericInTheSampleButTextLaterIsReloadedAsText() {
        StringBuilder csv = new StringBuilder("code,x\n");
        for (int i = 0; i < VersionWriter.SAMPLE_ROWS + 50; i++) {
            csv.append(i).append(',').append(i % 3).append('\n');
        }
        csv.append("A17,inf\n").append(" 4 ,2\n");
        WrittenVersion v = assertSameAsInHeap(csv.toString().getBytes(StandardCharsets.UTF_8), null);
        assertThat(v.schema().columns()).extracting(Column::type)
                .containsExactly(ColumnType.CATEGORICAL, ColumnType.CATEGORICAL);
    }

    @Test
    void aDeclaredSchemaGivesTheValidatorsIssues() {
        StringBuilder csv = new StringBuilder("n,b,c,extra\n");
        for (int i = 0; i < 60; i++) {
            String n = i % 2 == 0 ? "x" + i : Integer.toString(i);
            String b = i % 3 == 0 ? "" : i % 5 == 0 ? "maybe" : "TRUE";
            csv.append(n).append(',').append(b).append(",k").append(i % 4).append(",z\n");
        }
        TableSchema declared = new TableSchema(List.of(new Column("n", ColumnType.NUMERIC, false),
                new Column("b", ColumnType.BOOLEAN, false), new Column("c", ColumnType.NUMERIC, true),
                new Column("gone", ColumnType.CATEGORICAL, true)));
        WrittenVersion v = assertSameAsInHeap(csv.toString().getBytes(StandardCharsets.UTF_8), declared);
        assertThat(v.issues()).extracting(i -> i.rule()).contains("missing-column", "unexpected-column", "type",
                "not-null");
    }

    @Test
    void writesTypedParquet() throws Exception {
        Path csv = write("x,flag,city\n1.5,true,Oslo\n,FALSE,NA\n3,true, \n");
        Path out = dir.resolve("v.parquet");
        WrittenVersion v = writer.fromCsv(csv, null, out);
        assertThat(v.rows()).isEqualTo(3);
        try (var c = engine.connect(); var s = c.createStatement();
             var r = s.executeQuery("SELECT typeof(x), typeof(flag), typeof(city), x, flag, city FROM read_parquet('"
                     + out + "')")) {
            assertThat(r.next()).isTrue();
            assertThat(List.of(r.getString(1), r.getString(2), r.getString(3)))
                    .containsExactly("DOUBLE", "BOOLEAN", "VARCHAR");
            assertThat(r.getDouble(4)).isEqualTo(1.5);
            assertThat(r.getBoolean(5)).isTrue();
            assertThat(r.next()).isTrue();
            assertThat(r.getObject(4)).isNull();
            assertThat(r.getBoolean(5)).isFalse();
            assertThat(r.getObject(6)).as("NA is missing").isNull();
            assertThat(r.next()).isTrue();
            assertThat(r.getObject(6)).as("blank is missing").isNull();
        }
    }

    @Test
    void parquetUploadsAreRewrittenAsAVersion() throws Exception {
        Path source = dir.resolve("in.parquet");
        try (var c = engine.connect(); var s = c.createStatement()) {
            s.execute("COPY (SELECT i::INTEGER AS n, (i * 0.5)::DECIMAL(10, 2) AS d, i % 2 = 0 AS even, "
                    + "'c' || (i % 3) AS cat, DATE '2026-01-01' + i::INTEGER AS day FROM range(100) t(i)) TO '"
                    + source + "' (FORMAT parquet)");
        }
        WrittenVersion v = writer.fromParquet(source, null, dir.resolve("out.parquet"));
        assertThat(v.rows()).isEqualTo(100);
        assertThat(v.schema().columns()).extracting(Column::type).containsExactly(ColumnType.NUMERIC,
                ColumnType.NUMERIC, ColumnType.BOOLEAN, ColumnType.CATEGORICAL, ColumnType.CATEGORICAL);
        assertThat(v.profile().columns().get(0).mean()).isEqualTo(49.5);
        assertThat(v.profile().columns().get(2).topValues()).extracting(t -> t.value())
                .containsExactlyInAnyOrder("true", "false");
    }

    @Test
    void reportsProgressAndStopsWhenTold() {
        Path csv = write(generated(400_000, 3));
        java.util.List<Double> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        WrittenVersion v = writer.fromCsv(csv, (TableSchema) null, dir.resolve("p.parquet"), (rows, fraction) -> {
            seen.add(fraction);
            return true;
        });
        assertThat(v.rows()).isEqualTo(400_000);
        assertThat(seen).isNotEmpty().last().isEqualTo(1.0);

        assertThatThrownBy(() -> writer.fromCsv(csv, (TableSchema) null, dir.resolve("q.parquet"), (rows, fraction) -> false))
                .isInstanceOf(LoadCancelledException.class);
        assertThat(dir.resolve("q.parquet")).doesNotExist();
    }

    @Test
    void refusesWhatIsNotParquet() throws IOException {
        Path fake = write("a,b\n1,2\n");
        assertThatThrownBy(() -> writer.fromParquet(fake, null, dir.resolve("x.parquet")))
                .isInstanceOf(ParquetFormatException.class).hasMessageContaining("not a Parquet file");
    }

    @Test
    void badCsvNamesTheLine() throws IOException {
        assertBad("a,b,c\n1,2,3\n4,5\n", 3, "2 fields, header has 3");
        assertBad("a,b,c\n1,2,3\n4,5,6,7\n", 3, "4 fields, header has 3");
        assertBad("a,b\n1,2\n3,\"4\n5,6\n", 3, "quote");
        assertBad("a,b\n1,2\n", 1, null); // passes: a control
    }

    @Test
    void badBytesNameTheLine() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.write(csv, new byte[] {'a', ',', 'b', '\n', '1', ',', '2', '\n', '3', ',', (byte) 0xff, '\n'});
        assertThatThrownBy(() -> writer.fromCsv(csv, null, dir.resolve("o.parquet")))
                .isInstanceOf(CsvFormatException.class).hasMessageStartingWith("line 3: ");
        Path header = write("a,a\n1,2\n");
        assertThatThrownBy(() -> writer.fromCsv(header, null, dir.resolve("o.parquet")))
                .isInstanceOf(CsvFormatException.class).hasMessageContaining("duplicate column name");
    }

    private void assertBad(String content, long line, String detail) throws IOException {
        Path csv = write(content);
        if (detail == null) {
            assertThat(writer.fromCsv(csv, null, dir.resolve("ok.parquet")).rows()).isEqualTo(1);
            return;
        }
        assertThatThrownBy(() -> writer.fromCsv(csv, null, dir.resolve("o.parquet")))
                .isInstanceOfSatisfying(CsvFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.getMessage()).contains(detail);
                });
    }

    private WrittenVersion assertSameAsInHeap(byte[] content, TableSchema declared) {
        Path csv = write(content);
        WrittenVersion v = writer.fromCsv(csv, declared, dir.resolve("version.parquet"));

        Table table = CsvTables.read(content);
        TableSchema inferred = TypeInference.infer(table);
        TableSchema expected = declared == null ? inferred : new TableSchema(inferred.columns().stream()
                .map(c -> declared.column(c.name()).orElse(c)).toList());
        assertThat(v.rows()).isEqualTo(table.rowCount());
        assertThat(v.schema()).isEqualTo(expected);
        assertThat(v.issues()).isEqualTo(declared == null ? List.of() : SchemaValidator.validate(table, declared));
        assertSameProfile(v.profile(), Profiler.profile(table, expected));
        return v;
    }

    private static void assertSameProfile(DatasetProfile actual, DatasetProfile expected) {
        assertThat(actual.rows()).isEqualTo(expected.rows());
        assertThat(actual.columns()).hasSameSizeAs(expected.columns());
        for (int i = 0; i < expected.columns().size(); i++) {
            ColumnProfile a = actual.columns().get(i);
            ColumnProfile e = expected.columns().get(i);
            assertThat(a.name()).isEqualTo(e.name());
            assertThat(a.type()).as(e.name()).isEqualTo(e.type());
            assertThat(a.count()).as(e.name()).isEqualTo(e.count());
            assertThat(a.missing()).as(e.name()).isEqualTo(e.missing());
            if (!a.distinctApproximate()) {
                assertThat(a.distinct()).as(e.name()).isEqualTo(e.distinct());
            }
            assertThat(a.topValues()).as(e.name()).isEqualTo(e.topValues());
            assertThat(a.histogram()).as(e.name()).isEqualTo(e.histogram());
            assertThat(a.min()).as(e.name()).isEqualTo(e.min());
            assertThat(a.max()).as(e.name()).isEqualTo(e.max());
            if (e.mean() != null) {
                assertThat(a.mean()).as(e.name()).isCloseTo(e.mean(), within(1e-9 * Math.max(1, Math.abs(e.mean()))));
            }
            if (e.std() != null) {
                assertThat(a.std()).as(e.name()).isCloseTo(e.std(), within(1e-9 * Math.max(1, e.std())));
            }
            if (e.quantiles() != null) {
                assertThat(a.quantiles().keySet()).containsExactlyElementsOf(e.quantiles().keySet());
                e.quantiles().forEach((k, q) -> assertThat(a.quantiles().get(k)).as(e.name() + " " + k)
                        .isCloseTo(q, within(1e-9 * Math.max(1, Math.abs(q)))));
            }
        }
    }

    /** Numbers with missing values, integers, a city column, booleans in mixed case and a label. */
    private static byte[] generated(int rows, long seed) {
        Random random = new Random(seed);
        String[] cities = {"Lisbon", "Oslo", "Quito", "Nairobi", "Osaka", "Perth"};
        StringBuilder csv = new StringBuilder("a,b,city,flag,label\n");
        for (int i = 0; i < rows; i++) {
            csv.append(random.nextDouble() < 0.02 ? "" : String.format("%.4f", random.nextGaussian() * 12.5 + 50))
                    .append(',').append(random.nextInt(1000)).append(',')
                    .append(random.nextDouble() < 0.01 ? "NA" : cities[random.nextInt(cities.length)]).append(',')
                    .append(random.nextBoolean() ? "True" : "false").append(',')
                    .append(random.nextDouble() < 0.3 ? "yes" : "no").append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Path write(String content) {
        return write(content.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(byte[] content) {
        try {
            Path file = Files.createTempFile(dir, "upload", ".csv");
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
