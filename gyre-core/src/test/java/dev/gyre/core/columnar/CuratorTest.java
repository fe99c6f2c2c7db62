package dev.gyre.core.columnar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import dev.gyre.core.curate.Recipe;
import dev.gyre.core.curate.RecipeException;
import dev.gyre.core.table.ColumnType;
import dev.gyre.core.table.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Each step's result and counts against the same figures computed here in plain Java on the generated rows. */
class CuratorTest {
    static ColumnarEngine engine;
    static VersionWriter writer;
    static VersionReader reader;
    static Curator curator;
    static List<String[]> rows = new ArrayList<>();
    static Path parent;
    static WrittenVersion written;

    @TempDir
    Path dir;

    @BeforeAll
    static void open(@TempDir Path spill) throws IOException {
        engine = ColumnarEngine.open(new ColumnarEngine.Settings("256MB", 2, spill));
        writer = new VersionWriter(engine);
        reader = new VersionReader(engine);
        curator = new Curator(engine);
        Random random = new Random(7);
        String[] cities = {"Lisbon", " Perth", "perth ", "Oslo"};
        StringBuilder csv = new StringBuilder("x,y,city,label\n");
        for (int i = 0; i < 500; i++) {
            String x = random.nextInt(10) == 0 ? "" : Integer.toString(random.nextInt(20));
            String y = i % 97 == 0 ? "1000" : Integer.toString(random.nextInt(50));
            String city = cities[random.nextInt(cities.length)];
            String label = random.nextInt(25) == 0 ? "" : (random.nextBoolean() ? "yes" : "no");
            String[] row = {x, y, city, label};
            rows.add(row);
            csv.append(String.join(",", row)).append('\n');
            if (i % 50 == 0) { // a duplicate of this row, right after it
                rows.add(row);
                csv.append(String.join(",", row)).append('\n');
            }
        }
        Path file = spill.resolve("parent.csv");
        Files.writeString(file, csv);
        parent = spill.resolve("parent.parquet");
        written = writer.fromCsv(file, null, parent);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private Curator.Curated run(String label, Map<String, ?> recipe, Path out) {
        return curator.curate(parent, written.schema(), label, Recipe.parse(recipe), out);
    }

    @Test
    void dedupeDropMissingAndImputeCountWhatTheyDo() {
        Path out = dir.resolve("out.parquet");
        Curator.Curated curated = run("label", Map.of("steps", List.of(
                Map.of("op", "dedupe"),
                Map.of("op", "dropMissing"),
                Map.of("op", "impute", "columns", List.of("x"), "strategy", "mean"))), out);

        Set<List<String>> distinct = new LinkedHashSet<>();
        rows.forEach(r -> distinct.add(Arrays.asList(r)));
        List<List<String>> kept = distinct.stream().filter(r -> !r.get(3).isEmpty()).toList();
        long missingX = kept.stream().filter(r -> r.get(0).isEmpty()).count();
        double mean = kept.stream().filter(r -> !r.get(0).isEmpty()).mapToInt(r -> Integer.parseInt(r.get(0)))
                .average().orElseThrow();

        assertThat(curated.steps()).extracting(Curator.StepOutcome::op, Curator.StepOutcome::rowsChanged,
                Curator.StepOutcome::valuesChanged).containsExactly(
                org.assertj.core.groups.Tuple.tuple("dedupe", (long) (rows.size() - distinct.size()), 0L),
                org.assertj.core.groups.Tuple.tuple("dropMissing", (long) (distinct.size() - kept.size()), 0L),
                org.assertj.core.groups.Tuple.tuple("impute", 0L, missingX));
        assertThat(curated.steps().get(2).fitted()).isEqualTo(Map.of("fills", Map.of("x", mean)));
        assertThat(curated.steps().get(0).fitted()).isNull(); // nothing fitted, nothing recorded
        assertThat(rows.size() - distinct.size()).isGreaterThanOrEqualTo(10); // the planted copies, and chance ones
        assertThat(curated.rows()).isEqualTo(kept.size());
        double[] x = reader.doubles(out, "x");
        assertThat(x).hasSize(kept.size());
        for (int i = 0; i < kept.size(); i++) { // file order kept, the gaps filled with the mean
            String cell = kept.get(i).get(0);
            assertThat(x[i]).isCloseTo(cell.isEmpty() ? mean : Double.parseDouble(cell), within(1e-12));
        }
    }

    @Test
    void trimCaseRenameAndDropReshapeTheColumns() {
        Path out = dir.resolve("text.parquet");
        Curator.Curated curated = run(null, Map.of("steps", List.of(
                Map.of("op", "trim", "columns", List.of("city")),
                Map.of("op", "case", "columns", List.of("city"), "to", "lower"),
                Map.of("op", "rename", "columns", Map.of("city", "town")),
                Map.of("op", "drop", "columns", List.of("y")))), out);

        long padded = rows.stream().filter(r -> !r[2].equals(r[2].strip())).count();
        long notLower = rows.stream().filter(r -> !r[2].strip().equals(r[2].strip().toLowerCase())).count();
        assertThat(curated.steps()).extracting(Curator.StepOutcome::valuesChanged)
                .containsExactly(padded, notLower, 0L, 0L);
        assertThat(curated.schema().names()).containsExactly("x", "town", "label");
        assertThat(curated.schema().column("town").orElseThrow().type()).isEqualTo(ColumnType.CATEGORICAL);
        List<String> towns = reader.strings(out, "town");
        for (int i = 0; i < rows.size(); i++) {
            assertThat(towns.get(i)).isEqualTo(rows.get(i)[2].strip().toLowerCase());
        }
    }

    @Test
    void outliersByIqrAreClippedOrDropped() {
        double[] y = rows.stream().mapToDouble(r -> Double.parseDouble(r[1])).sorted().toArray();
        double q1 = quantile(y, 0.25);
        double q3 = quantile(y, 0.75);
        double high = q3 + 1.5 * (q3 - q1);
        double low = q1 - 1.5 * (q3 - q1);
        long outside = Arrays.stream(y).filter(v -> v < low || v > high).count();
        assertThat(outside).isPositive();

        Path clipped = dir.resolve("clip.parquet");
        Curator.Curated clip = run(null, Map.of("steps", List.of(Map.of("op", "outliers", "columns", List.of("y")))),
                clipped);
        assertThat(clip.steps().get(0).valuesChanged()).isEqualTo(outside);
        assertThat(clip.steps().get(0).fitted()).isEqualTo(Map.of("bounds", Map.of("y", List.of(low, high))));
        assertThat(Arrays.stream(reader.doubles(clipped, "y")).max().orElseThrow()).isEqualTo(high);

        Path dropped = dir.resolve("drop.parquet");
        Curator.Curated drop = run(null, Map.of("steps", List.of(Map.of("op", "outliers", "columns", List.of("y"),
                "action", "drop"))), dropped);
        assertThat(drop.steps().get(0).rowsChanged()).isEqualTo(outside);
        assertThat(drop.rows()).isEqualTo(rows.size() - outside);
    }

    @Test
    void aStepNamingAMissingOrWrongColumnNamesTheStepAndColumn() {
        Path out = dir.resolve("bad.parquet");
        assertThatThrownBy(() -> run(null, Map.of("steps", List.of(Map.of("op", "rename", "columns",
                Map.of("city", "town")), Map.of("op", "trim", "columns", List.of("city")))), out))
                .isInstanceOfSatisfying(RecipeException.class, e -> {
                    assertThat(e.step()).isEqualTo(1);
                    assertThat(e.op()).isEqualTo("trim");
                    assertThat(e.column()).isEqualTo("city");
                });
        assertThatThrownBy(() -> run(null, Map.of("steps", List.of(Map.of("op", "impute", "columns",
                List.of("city"), "strategy", "median"))), out))
                .isInstanceOfSatisfying(RecipeException.class, e -> assertThat(e.column()).isEqualTo("city"))
                .hasMessageContaining("numeric");
        assertThatThrownBy(() -> run(null, Map.of("steps", List.of(Map.of("op", "dropMissing"))), out))
                .isInstanceOf(RecipeException.class).hasMessageContaining("label");
        assertThat(out).doesNotExist();
    }

    @Test
    void aRecipeThatCannotBeReadIsRefusedBeforeAnyWork() {
        assertThatThrownBy(() -> Recipe.parse(Map.of("steps", List.of(Map.of("op", "explode")))))
                .isInstanceOfSatisfying(RecipeException.class, e -> assertThat(e.step()).isZero())
                .hasMessageContaining("unknown op 'explode'");
        assertThatThrownBy(() -> Recipe.parse(Map.of("steps", List.of(Map.of("op", "impute", "columns",
                List.of("x"), "strategy", "constant"))))).hasMessageContaining("needs a 'value'");
        assertThatThrownBy(() -> Recipe.parse(Map.of("steps", List.of(Map.of("op", "trim", "columns",
                List.of("x"), "colums", List.of("y")))))).hasMessageContaining("unknown field 'colums'");
        assertThatThrownBy(() -> Recipe.parse(Map.of("steps", List.of()))).hasMessageContaining("non-empty");
        assertThat(Recipe.parse(Map.of("steps", List.of(Map.of("op", "dedupe")))))
                .isEqualTo(Recipe.parse(Map.of("steps", List.of(Map.of("op", "dedupe")))));
    }

    /** The parent with a hidden {@code __gyre_split} column: every fourth row (1-based) is 'test'. */
    static Path withSplit(Path dir) throws java.sql.SQLException {
        Path file = dir.resolve("split-parent.parquet");
        try (java.sql.Connection c = engine.connect(); java.sql.Statement s = c.createStatement()) {
            s.execute("COPY (SELECT *, CASE WHEN row_number() OVER () % 4 = 0 THEN 'test' ELSE 'train' END AS "
                    + "__gyre_split FROM read_parquet('" + parent.toAbsolutePath() + "')) TO '"
                    + file.toAbsolutePath() + "' (FORMAT parquet)");
        }
        return file;
    }

    @Test
    void hiddenColumnsRideThroughEveryStepAndAreNotWritten() throws Exception {
        Path split = withSplit(dir);
        Path out = dir.resolve("hidden.parquet");
        Curator.Curated curated = curator.curate(split, written.schema(), "label", Recipe.parse(Map.of("steps",
                List.of(Map.of("op", "trim", "columns", List.of("city")),
                        Map.of("op", "impute", "columns", List.of("x"), "strategy", "median"),
                        Map.of("op", "rename", "columns", Map.of("city", "town")),
                        Map.of("op", "outliers", "columns", List.of("y")),
                        Map.of("op", "drop", "columns", List.of("label"))))), out);
        assertThat(reader.columns(out)).containsOnlyKeys("x", "y", "town");
        assertThat(curated.schema().names()).containsExactly("x", "y", "town");
        List<String> towns = reader.strings(out, "town");
        for (int i = 0; i < rows.size(); i++) {
            assertThat(towns.get(i)).isEqualTo(rows.get(i)[2].strip());
        }

        // the planted copies sit next to each other, often with different splits: dedupe still sees them as equal
        Set<List<String>> distinct = new LinkedHashSet<>();
        rows.forEach(r -> distinct.add(Arrays.asList(r)));
        Curator.Curated deduped = curator.curate(split, written.schema(), null, Recipe.parse(Map.of("steps",
                List.of(Map.of("op", "dedupe")))), dir.resolve("deduped.parquet"));
        assertThat(deduped.steps().get(0).rowsChanged()).isEqualTo(rows.size() - distinct.size());

        assertThatThrownBy(() -> curator.curate(split, written.schema(), null, Recipe.parse(Map.of("steps",
                List.of(Map.of("op", "rename", "columns", Map.of("city", "__gyre_split"))))), out))
                .isInstanceOfSatisfying(RecipeException.class, e -> assertThat(e.column()).isEqualTo("__gyre_split"))
                .hasMessageContaining("Gyre's own");
    }

    /** numpy's default: linear interpolation between the closest ranks. */
    private static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        return sorted[lo] + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]);
    }
}
