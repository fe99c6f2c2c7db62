package dev.gyre.core.columnar;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import dev.gyre.core.curate.Recipe;
import dev.gyre.core.curate.RecipeException;
import dev.gyre.core.table.Column;
import dev.gyre.core.table.ColumnType;
import dev.gyre.core.table.TableSchema;
import dev.gyre.core.table.Values;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * filter, derive, parseDates, dateParts, cast and bin on generated rows, each checked against the same figures
 * computed here in plain Java (java.time for dates, scikit-learn's rules for bins).
 */
class CurationStepsTest {
    static final String[] SPECIES = {"Adelie", "Gentoo", "Chinstrap", "O'Brien"};
    static ColumnarEngine engine;
    static Curator curator;
    static VersionReader reader;
    static List<Row> rows = new ArrayList<>();
    static Path parent;
    static Path split;
    static TableSchema schema;

    @TempDir
    Path dir;

    /** One generated row; null is a missing value. */
    record Row(Double bill, Double depth, Double mass, String species, String date, String when, String dmy,
               String age, String flag, Double zip, boolean train) {
    }

    @BeforeAll
    static void open(@TempDir Path spill) throws IOException, SQLException {
        engine = ColumnarEngine.open(new ColumnarEngine.Settings("256MB", 2, spill));
        curator = new Curator(engine);
        reader = new VersionReader(engine);
        Random random = new Random(11);
        StringBuilder csv = new StringBuilder("bill,depth,mass,species,date,when,dmy,age,flag,zip,split\n");
        for (int i = 0; i < 400; i++) {
            Double bill = i % 13 == 5 ? null : 30 + random.nextInt(300) / 10.0;
            Double depth = i % 17 == 3 ? 0.0 : 13 + random.nextInt(90) / 10.0;
            Double mass = i % 19 == 7 ? null : 2700.0 + 25 * random.nextInt(145);
            String species = i % 23 == 11 ? null : SPECIES[random.nextInt(SPECIES.length)];
            LocalDateTime at = LocalDateTime.of(2020, 1, 1, 0, 0).plusMinutes(random.nextInt(3 * 365 * 24 * 60));
            LocalDate day = at.toLocalDate();
            // some dates without zero padding, which read the same and are rewritten padded
            String date = i % 7 == 0 ? day.getYear() + "-" + day.getMonthValue() + "-" + day.getDayOfMonth()
                    : day.toString();
            String when = i % 29 == 1 ? null : at.format(DateTimeFormatter.ofPattern(i % 2 == 0
                    ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd HH:mm:ss"));
            String dmy = day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            String age = i % 11 == 4 ? null : (i % 3 == 0 ? " " : "") + random.nextInt(30) + (i % 5 == 0 ? ".5" : "");
            String flag = new String[]{"True", "false", "TRUE", "False"}[random.nextInt(4)];
            double zip = 1000 + random.nextInt(9000);
            boolean train = i % 4 != 3;
            Row row = new Row(bill, depth, mass, species, date, when, dmy, age, flag, zip, train);
            rows.add(row);
            csv.append(String.join(",", Arrays.asList(text(bill), text(depth), text(mass),
                    species == null ? "" : species, date, when == null ? "" : when, dmy,
                    age == null ? "" : "\"" + age + "\"", flag, text(zip), train ? "train" : "test"))).append('\n');
        }
        Path file = spill.resolve("steps.csv");
        Files.writeString(file, csv);
        parent = spill.resolve("steps.parquet");
        split = spill.resolve("steps-split.parquet");
        String typed = "CAST(bill AS DOUBLE) AS bill, CAST(depth AS DOUBLE) AS depth, CAST(mass AS DOUBLE) AS "
                + "\"body mass\", species, date, \"when\", dmy, age, flag, CAST(zip AS DOUBLE) AS zip";
        String from = " FROM read_csv('" + file + "', all_varchar = true, header = true)";
        try (Connection c = engine.connect(); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT " + typed + from + ") TO '" + parent + "' (FORMAT parquet)");
            s.execute("COPY (SELECT " + typed + ", split AS __gyre_split" + from + ") TO '" + split
                    + "' (FORMAT parquet)");
        }
        List<Column> columns = new ArrayList<>();
        for (String name : List.of("bill", "depth", "body mass")) {
            columns.add(new Column(name, ColumnType.NUMERIC, true));
        }
        for (String name : List.of("species", "date", "when", "dmy", "age", "flag")) {
            columns.add(new Column(name, ColumnType.CATEGORICAL, true));
        }
        columns.add(new Column("zip", ColumnType.NUMERIC, true));
        schema = new TableSchema(columns);
    }

    private static String text(Double value) {
        return value == null ? "" : value.toString();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private Curator.Curated run(Path from, Path out, Map<?, ?>... steps) {
        return curator.curate(from, schema, null, Recipe.parse(Map.of("steps", List.of(steps))), out);
    }

    private Curator.Curated run(Path out, Map<?, ?>... steps) {
        return run(parent, out, steps);
    }

    @Test
    void filterKeepsTheRowsWhereTheExpressionIsTrue() {
        Path out = dir.resolve("filter.parquet");
        Curator.Curated curated = run(out, Map.of("op", "filter", "expression",
                "bill > 40 and species != 'Gentoo'"));
        // null > 40 and null != 'Gentoo' are null: those rows go too
        Predicate<Row> keep = r -> r.bill() != null && r.bill() > 40 && r.species() != null
                && !r.species().equals("Gentoo");
        List<Row> kept = rows.stream().filter(keep).toList();
        assertThat(curated.rows()).isEqualTo(kept.size());
        assertThat(curated.steps().get(0).rowsChanged()).isEqualTo(rows.size() - kept.size());
        double[] bills = reader.doubles(out, "bill");
        for (int i = 0; i < kept.size(); i++) {
            assertThat(bills[i]).isEqualTo(kept.get(i).bill());
        }

        Curator.Curated quoted = run(dir.resolve("quoted.parquet"), Map.of("op", "filter", "expression",
                "species = 'O''Brien' or `body mass` is null"));
        assertThat(quoted.rows()).isEqualTo(rows.stream().filter(r -> "O'Brien".equals(r.species())
                || r.mass() == null).count());
    }

    @Test
    void deriveAddsOrReplacesAColumnOfTheExpressionsType() {
        Path out = dir.resolve("derive.parquet");
        Curator.Curated curated = run(out,
                Map.of("op", "derive", "column", "ratio", "expression", "bill / depth"),
                Map.of("op", "derive", "column", "log mass", "expression", "log1p(`body mass`)"),
                Map.of("op", "derive", "column", "shallow", "expression", "log(depth - 15)"),
                Map.of("op", "derive", "column", "bill", "expression", "round(bill * 2) / 2 + 1 % 3"),
                Map.of("op", "derive", "column", "long", "expression", "bill > 45 and length(species) > 6"),
                Map.of("op", "derive", "column", "shout", "expression", "upper(coalesce(species, 'none'))"),
                Map.of("op", "derive", "column", "month", "expression", "month(date) + hour(`when`) / 100"));

        assertThat(curated.schema().names()).containsExactly("bill", "depth", "body mass", "species", "date", "when",
                "dmy", "age", "flag", "zip", "ratio", "log mass", "shallow", "long", "shout", "month");
        assertThat(curated.schema().column("long").orElseThrow().type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(curated.schema().column("shout").orElseThrow().type()).isEqualTo(ColumnType.CATEGORICAL);
        List<Double> ratio = new ArrayList<>();
        List<Double> logMass = new ArrayList<>();
        List<Double> shallow = new ArrayList<>();
        List<Double> bill = new ArrayList<>();
        List<String> species = new ArrayList<>();
        List<Double> month = new ArrayList<>();
        for (Row r : rows) {
            ratio.add(r.bill() == null || r.depth() == 0 ? null : r.bill() / r.depth()); // x / 0 is null
            logMass.add(r.mass() == null ? null : Math.log1p(r.mass()));
            shallow.add(r.depth() - 15 > 0 ? Math.log(r.depth() - 15) : null); // log of <= 0 is null
            bill.add(r.bill() == null ? null : BigDecimal.valueOf(r.bill() * 2).setScale(0, RoundingMode.HALF_UP)
                    .doubleValue() / 2 + 1);
            species.add(r.species() == null ? "NONE" : r.species().toUpperCase());
            LocalDateTime when = r.when() == null ? null : LocalDateTime.parse(r.when().replace(' ', 'T'));
            month.add(when == null ? null : LocalDate.parse(r.dmy(), DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                    .getMonthValue() + when.getHour() / 100.0);
        }
        assertThat(curated.steps()).extracting(Curator.StepOutcome::valuesChanged).containsExactly(
                nonNull(ratio), nonNull(logMass), nonNull(shallow), nonNull(bill), nonNull(longs(bill)),
                (long) rows.size(), nonNull(month));
        assertClose(column(out, "ratio"), ratio);
        assertClose(column(out, "log mass"), logMass);
        assertClose(column(out, "shallow"), shallow);
        assertClose(column(out, "bill"), bill);
        assertClose(column(out, "month"), month);
        assertThat(reader.strings(out, "shout")).containsExactlyElementsOf(species);
        assertThat(reader.strings(out, "long")).containsExactlyElementsOf(longs(bill).stream()
                .map(b -> b == null ? null : b.toString()).toList());
    }

    /** bill > 45 and length(species) > 6 (bill as derived before), with SQL's and: false wins over null, null over
     * true. */
    private static List<Boolean> longs(List<Double> bills) {
        List<Boolean> longs = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            Boolean bigBill = bills.get(i) == null ? null : bills.get(i) > 45;
            Boolean longName = r.species() == null ? null : r.species().length() > 6;
            longs.add(Boolean.FALSE.equals(bigBill) || Boolean.FALSE.equals(longName) ? Boolean.FALSE
                    : bigBill == null || longName == null ? null : Boolean.TRUE);
        }
        return longs;
    }

    @Test
    void anExpressionThatDoesNotFitTheColumnsNamesTheStepAndColumn() {
        Path out = dir.resolve("bad.parquet");
        assertThatThrownBy(() -> run(out, Map.of("op", "drop", "columns", List.of("depth")),
                Map.of("op", "derive", "column", "r", "expression", "bill / depth")))
                .isInstanceOfSatisfying(RecipeException.class, e -> {
                    assertThat(e.step()).isEqualTo(1);
                    assertThat(e.op()).isEqualTo("derive");
                    assertThat(e.column()).isEqualTo("depth");
                }).hasMessageContaining("at position 8").hasMessageContaining("no column \"depth\"");
        assertThatThrownBy(() -> run(out, Map.of("op", "filter", "expression", "species + 1 > 2")))
                .isInstanceOfSatisfying(RecipeException.class, e -> assertThat(e.column()).isEqualTo("species"))
                .hasMessageContaining("categorical");
        assertThatThrownBy(() -> run(out, Map.of("op", "filter", "expression", "bill * 2")))
                .isInstanceOf(RecipeException.class).hasMessageContaining("must be true or false");
        assertThatThrownBy(() -> run(out, Map.of("op", "derive", "column", "__gyre_split", "expression", "1")))
                .isInstanceOfSatisfying(RecipeException.class, e -> assertThat(e.column()).isEqualTo("__gyre_split"));
        assertThatThrownBy(() -> run(out, Map.of("op", "derive", "column", "SPECIES", "expression", "1")))
                .isInstanceOfSatisfying(RecipeException.class, e -> assertThat(e.column()).isEqualTo("SPECIES"))
                .hasMessageContaining("already a column \"species\"").hasMessageContaining("only in case");
        assertThatThrownBy(() -> run(out, Map.of("op", "derive", "column", "n", "expression", "null")))
                .hasMessageContaining("always null");
        // refused when the recipe is read, before any data is touched
        assertThatThrownBy(() -> Recipe.parse(Map.of("steps", List.of(Map.of("op", "dedupe"), Map.of("op", "filter",
                "expression", "read_csv('/etc/passwd') = 1")))))
                .isInstanceOfSatisfying(RecipeException.class, e -> {
                    assertThat(e.step()).isEqualTo(1);
                    assertThat(e.op()).isEqualTo("filter");
                }).hasMessageContaining("unknown function 'read_csv'").hasMessageContaining("at position 1");
        assertThatThrownBy(() -> Recipe.parse(Map.of("steps", List.of(Map.of("op", "filter",
                "expression", "x); DROP TABLE t; --"))))).isInstanceOf(RecipeException.class)
                .hasMessageContaining("unexpected character ';'");
        assertThatThrownBy(() -> Recipe.parse(Map.of("steps", List.of(Map.of("op", "derive", "column", "x",
                "expression", "(bill + ")))))
                .isInstanceOf(RecipeException.class).hasMessageContaining("ends too soon");
        assertThat(out).doesNotExist();
    }

    @Test
    void parseDatesRewritesDatesAsIsoText() {
        Path out = dir.resolve("dates.parquet");
        Curator.Curated curated = run(out,
                Map.of("op", "parseDates", "columns", List.of("dmy"), "format", "%d/%m/%Y"),
                Map.of("op", "parseDates", "columns", List.of("date", "when")));
        List<String> dmy = new ArrayList<>();
        List<String> date = new ArrayList<>();
        List<String> when = new ArrayList<>();
        for (Row r : rows) {
            dmy.add(LocalDate.parse(r.dmy(), DateTimeFormatter.ofPattern("dd/MM/yyyy")).toString());
            date.add(LocalDate.parse(r.dmy(), DateTimeFormatter.ofPattern("dd/MM/yyyy")).toString());
            when.add(r.when() == null ? null : r.when().replace('T', ' '));
        }
        long changedDates = 0;
        for (int i = 0; i < rows.size(); i++) {
            changedDates += rows.get(i).date().equals(date.get(i)) ? 0 : 1;
        }
        long changedWhens = rows.stream().filter(r -> r.when() != null && r.when().contains("T")).count();
        assertThat(changedDates).isPositive();
        assertThat(curated.steps()).extracting(Curator.StepOutcome::valuesChanged)
                .containsExactly((long) rows.size(), changedDates + changedWhens);
        assertThat(reader.strings(out, "dmy")).containsExactlyElementsOf(dmy);
        assertThat(reader.strings(out, "date")).containsExactlyElementsOf(date);
        assertThat(reader.strings(out, "when")).containsExactlyElementsOf(when);
        assertThat(curated.schema().column("dmy").orElseThrow().type()).isEqualTo(ColumnType.CATEGORICAL);
    }

    @Test
    void aDateThatDoesNotMatchNamesTheColumnRowAndValue() {
        Path out = dir.resolve("bad-dates.parquet");
        assertThatThrownBy(() -> run(out, Map.of("op", "parseDates", "columns", List.of("date"),
                "format", "%d/%m/%Y")))
                .isInstanceOfSatisfying(RecipeException.class, e -> assertThat(e.column()).isEqualTo("date"))
                .hasMessageContaining("row 1 has \"" + rows.get(0).date() + "\"")
                .hasMessageContaining("'%d/%m/%Y'");
        // after a filter, the row named is still the row of the file
        int first = 0;
        while (rows.get(first).species() == null) {
            first++;
        }
        assertThatThrownBy(() -> run(out, Map.of("op", "filter", "expression", "species is not null"),
                Map.of("op", "parseDates", "columns", List.of("species"))))
                .isInstanceOfSatisfying(RecipeException.class, e -> assertThat(e.column()).isEqualTo("species"))
                .hasMessageContaining("row " + (first + 1) + " has \"" + rows.get(first).species() + "\"")
                .hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> run(out, Map.of("op", "parseDates", "columns", List.of("dmy"), "format", "%Q")))
                .isInstanceOf(RecipeException.class).hasMessageContaining("not a strptime format");
        assertThatThrownBy(() -> run(out, Map.of("op", "parseDates", "columns", List.of("bill"))))
                .isInstanceOfSatisfying(RecipeException.class, e -> assertThat(e.column()).isEqualTo("bill"));
        assertThat(out).doesNotExist();
    }

    @Test
    void datePartsAddNumericColumnsWithIsoDaysOfTheWeek() {
        Path out = dir.resolve("parts.parquet");
        Curator.Curated curated = run(out, Map.of("op", "dateParts", "column", "when", "parts",
                List.of("year", "month", "day", "dayOfWeek", "hour")));
        assertThat(curated.schema().names()).endsWith("when_year", "when_month", "when_day", "when_dayOfWeek",
                "when_hour");
        assertThat(curated.schema().column("when_dayOfWeek").orElseThrow().type()).isEqualTo(ColumnType.NUMERIC);
        long present = rows.stream().filter(r -> r.when() != null).count();
        assertThat(curated.steps().get(0).valuesChanged()).isEqualTo(5 * present);
        double[] year = reader.doubles(out, "when_year");
        double[] day = reader.doubles(out, "when_day");
        double[] dow = reader.doubles(out, "when_dayOfWeek");
        double[] hour = reader.doubles(out, "when_hour");
        for (int i = 0; i < rows.size(); i++) {
            String when = rows.get(i).when();
            if (when == null) {
                assertThat(Double.isNaN(year[i])).isTrue(); // the reader's missing value
                continue;
            }
            LocalDateTime at = LocalDateTime.parse(when.replace(' ', 'T'));
            assertThat(year[i]).isEqualTo(at.getYear());
            assertThat(day[i]).isEqualTo(at.getDayOfMonth());
            assertThat(dow[i]).isEqualTo(at.getDayOfWeek().getValue()); // java.time is ISO too: Monday 1
            assertThat(hour[i]).isEqualTo(at.getHour());
        }

        assertThatThrownBy(() -> run(out, Map.of("op", "derive", "column", "when_year", "expression", "1"),
                Map.of("op", "dateParts", "column", "when", "parts", List.of("year"))))
                .isInstanceOfSatisfying(RecipeException.class, e -> assertThat(e.column()).isEqualTo("when_year"))
                .hasMessageContaining("already");
        assertThatThrownBy(() -> run(out, Map.of("op", "dateParts", "column", "dmy", "parts", List.of("year"))))
                .isInstanceOfSatisfying(RecipeException.class, e -> assertThat(e.column()).isEqualTo("dmy"))
                .hasMessageContaining("row 1");
        assertThatThrownBy(() -> Recipe.parse(Map.of("steps", List.of(Map.of("op", "dateParts", "column", "when",
                "parts", List.of("week")))))).hasMessageContaining("unknown date part 'week'");
    }

    @Test
    void castChangesTypesAndRefusesAValueThatDoesNotConvert() {
        Path out = dir.resolve("cast.parquet");
        Curator.Curated curated = run(out, Map.of("op", "cast", "columns", Map.of("age", "numeric", "flag", "boolean",
                "zip", "categorical")));
        assertThat(curated.schema().column("age").orElseThrow().type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(curated.schema().column("flag").orElseThrow().type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(curated.schema().column("zip").orElseThrow().type()).isEqualTo(ColumnType.CATEGORICAL);
        long ages = rows.stream().filter(r -> r.age() != null).count();
        assertThat(curated.steps().get(0).valuesChanged()).isEqualTo(ages + 2L * rows.size());
        double[] age = reader.doubles(out, "age");
        List<String> flag = reader.strings(out, "flag");
        List<String> zip = reader.strings(out, "zip");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            Double expected = Values.parseNumber(r.age());
            if (expected == null) {
                assertThat(Double.isNaN(age[i])).as("row " + i).isTrue();
            } else {
                assertThat(age[i]).as("row " + i).isEqualTo(expected);
            }
            assertThat(flag.get(i)).isEqualTo(Values.parseBoolean(r.flag()).toString());
            assertThat(zip.get(i)).isEqualTo(Long.toString(r.zip().longValue())); // 1234, not 1234.0
        }

        Path bad = dir.resolve("bad-cast.parquet");
        assertThatThrownBy(() -> run(bad, Map.of("op", "cast", "columns", Map.of("species", "numeric"))))
                .isInstanceOfSatisfying(RecipeException.class, e -> assertThat(e.column()).isEqualTo("species"))
                .hasMessageContaining("row 1 has \"" + rows.get(0).species() + "\"");
        assertThatThrownBy(() -> run(bad, Map.of("op", "cast", "columns", Map.of("date", "boolean"))))
                .isInstanceOfSatisfying(RecipeException.class, e -> assertThat(e.column()).isEqualTo("date"))
                .hasMessageContaining("true or false");
        assertThatThrownBy(() -> Recipe.parse(Map.of("steps", List.of(Map.of("op", "cast", "columns",
                Map.of("age", "integer")))))).hasMessageContaining("\"numeric\", \"boolean\" or \"categorical\"");
        assertThat(bad).doesNotExist();
    }

    @Test
    @SuppressWarnings("unchecked")
    void binFitsEdgesOnTheTrainingRowsWhenThereIsASplit() {
        for (String method : List.of("uniform", "quantile")) {
            for (boolean withSplit : List.of(false, true)) {
                Path out = dir.resolve(method + withSplit + ".parquet");
                Curator.Curated curated = run(withSplit ? split : parent, out, Map.of("op", "bin",
                        "column", "body mass", "bins", 4, "method", method));
                double[] fit = rows.stream().filter(r -> r.mass() != null && (!withSplit || r.train()))
                        .mapToDouble(Row::mass).sorted().toArray();
                double[] inner = new double[3];
                for (int k = 1; k < 4; k++) {
                    inner[k - 1] = method.equals("uniform") ? fit[0] + k * ((fit[fit.length - 1] - fit[0]) / 4)
                            : quantile(fit, k / 4.0);
                }
                double[] bins = reader.doubles(out, "body mass_bin");
                long present = 0;
                for (int i = 0; i < rows.size(); i++) {
                    Double mass = rows.get(i).mass();
                    if (mass == null) {
                        assertThat(Double.isNaN(bins[i])).isTrue();
                        continue;
                    }
                    present++;
                    int expected = (int) Arrays.stream(inner).filter(edge -> edge <= mass).count();
                    assertThat(bins[i]).as(method + " " + withSplit + " row " + i).isEqualTo(expected);
                }
                assertThat(curated.steps().get(0).valuesChanged()).isEqualTo(present);
                assertThat(reader.columns(out)).doesNotContainKey("__gyre_split");
                Map<String, Object> fitted = curated.steps().get(0).fitted();
                assertThat(fitted.get("fittedOn")).isEqualTo(withSplit ? "train" : "all");
                assertClose((List<Double>) fitted.get("edges"), Arrays.stream(inner).boxed().toList());
            }
        }
        // the two fits differ, or the split would not be tested
        assertThat(reader.doubles(dir.resolve("quantiletrue.parquet"), "body mass_bin"))
                .isNotEqualTo(reader.doubles(dir.resolve("quantilefalse.parquet"), "body mass_bin"));

        Path out = dir.resolve("bad-bin.parquet");
        assertThatThrownBy(() -> run(out, Map.of("op", "bin", "column", "species", "bins", 4, "method", "uniform")))
                .isInstanceOfSatisfying(RecipeException.class, e -> assertThat(e.column()).isEqualTo("species"));
        assertThatThrownBy(() -> run(out, Map.of("op", "bin", "column", "bill", "bins", 4, "method", "uniform",
                "into", "depth"))).hasMessageContaining("already a column \"depth\"");
        assertThatThrownBy(() -> Recipe.parse(Map.of("steps", List.of(Map.of("op", "bin", "column", "bill",
                "bins", 2.5, "method", "uniform"))))).hasMessageContaining("whole number");
        assertThatThrownBy(() -> Recipe.parse(Map.of("steps", List.of(Map.of("op", "bin", "column", "bill",
                "bins", 3))))).hasMessageContaining("'method' must be one of");
    }

    /**
     * On the training rows the label is column {@code a}; on the test rows it is column {@code b}: a selection fitted
     * on the training rows keeps {@code a}, with its mutual information, the label's entropy there, in bits.
     */
    @Test
    @SuppressWarnings("unchecked")
    void selectKeepsTheColumnsThatRankBestOnTheTrainingRows() throws Exception {
        String[] classes = {"p", "q", "r"};
        Random random = new Random(5);
        StringBuilder csv = new StringBuilder("a,b,c,y,split\n");
        int[] trainCounts = new int[3];
        for (int i = 0; i < 300; i++) {
            int y = random.nextInt(3);
            boolean train = i % 2 == 0;
            String a = train ? classes[y] : classes[random.nextInt(3)];
            String b = train ? classes[random.nextInt(3)] : classes[y];
            csv.append(a).append(',').append(b).append(',').append(random.nextGaussian()).append(',')
                    .append(classes[y]).append(',').append(train ? "train" : "test").append('\n');
            if (train) {
                trainCounts[y]++;
            }
        }
        Path file = dir.resolve("select.csv");
        Files.writeString(file, csv);
        Path withSplit = dir.resolve("select.parquet");
        try (Connection c = engine.connect(); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT a, b, CAST(c AS DOUBLE) AS c, y, split AS __gyre_split FROM read_csv('" + file
                    + "', all_varchar = true, header = true)) TO '" + withSplit + "' (FORMAT parquet)");
        }
        TableSchema selectSchema = new TableSchema(List.of(new Column("a", ColumnType.CATEGORICAL, true),
                new Column("b", ColumnType.CATEGORICAL, true), new Column("c", ColumnType.NUMERIC, true),
                new Column("y", ColumnType.CATEGORICAL, true)));
        Path out = dir.resolve("selected.parquet");
        Curator.Curated curated = curator.curate(withSplit, selectSchema, "y", Recipe.parse(Map.of("steps",
                List.of(Map.of("op", "select", "method", "mim", "k", 1)))), out);

        assertThat(reader.columns(out).keySet()).containsExactly("a", "y");
        assertThat(curated.schema().names()).containsExactly("a", "y");
        Map<String, Object> fitted = curated.steps().get(0).fitted();
        assertThat(fitted).containsEntry("label", "y").containsEntry("method", "mim").containsEntry("rows", 150)
                .containsEntry("fittedOn", "train").containsEntry("dropped", List.of("b", "c"));
        double entropy = 0;
        for (int n : trainCounts) {
            double p = n / 150.0;
            entropy -= p * Math.log(p) / Math.log(2);
        }
        Map<String, Object> kept = ((List<Map<String, Object>>) fitted.get("kept")).get(0);
        assertThat(kept).containsEntry("name", "a").containsEntry("rank", 1);
        assertThat((Double) kept.get("score")).isCloseTo(entropy, within(1e-9));

        assertThatThrownBy(() -> curator.curate(withSplit, selectSchema, "y", Recipe.parse(Map.of("steps",
                List.of(Map.of("op", "select", "k", 4)))), dir.resolve("too-many.parquet")))
                .isInstanceOf(RecipeException.class).hasMessageContaining("'k' is 4 but there are 3 feature columns");
        assertThatThrownBy(() -> curator.curate(withSplit, selectSchema, "y", Recipe.parse(Map.of("steps",
                List.of(Map.of("op", "select", "k", 1, "label", "c")))), dir.resolve("numeric.parquet")))
                .isInstanceOfSatisfying(RecipeException.class, e -> assertThat(e.column()).isEqualTo("c"));
        assertThatThrownBy(() -> curator.curate(withSplit, selectSchema, null, Recipe.parse(Map.of("steps",
                List.of(Map.of("op", "select", "k", 1)))), dir.resolve("no-label.parquet")))
                .hasMessageContaining("name 'label'");
        assertThatThrownBy(() -> Recipe.parse(Map.of("steps", List.of(Map.of("op", "select", "k", 0)))))
                .hasMessageContaining("'k' must be a whole number");
        assertThatThrownBy(() -> Recipe.parse(Map.of("steps", List.of(Map.of("op", "select", "k", 1,
                "method", "chi2"))))).hasMessageContaining("'method' must be one of");
    }

    private List<Double> column(Path out, String name) {
        double[] values = reader.doubles(out, name);
        List<Double> list = new ArrayList<>();
        for (double v : values) {
            list.add(Double.isNaN(v) ? null : v);
        }
        return list;
    }

    private static void assertClose(List<Double> actual, List<Double> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            if (expected.get(i) == null) {
                assertThat(actual.get(i)).as("row " + i).isNull();
            } else {
                assertThat(actual.get(i)).as("row " + i).isCloseTo(expected.get(i), within(1e-9));
            }
        }
    }

    private static long nonNull(List<?> values) {
        return values.stream().filter(v -> v != null).count();
    }

    /** numpy's default: linear interpolation between the closest ranks. */
    private static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        return sorted[lo] + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]);
    }
}
