package dev.gyre.core.columnar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import dev.gyre.core.table.Column;
import dev.gyre.core.table.ColumnType;
import dev.gyre.core.table.RuleResult;
import dev.gyre.core.table.Rules;
import dev.gyre.core.table.Severity;
import dev.gyre.core.table.Table;
import dev.gyre.core.table.TableSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Declared rules with severities, checked against counts made here in plain Java on the generated rows. */
class RulesValidationTest {
    static ColumnarEngine engine;
    static VersionWriter writer;
    static VersionReader reader;
    static final List<String[]> ROWS = new ArrayList<>();
    static Path csv;

    static final TableSchema SCHEMA = new TableSchema(List.of(
            new Column("id", ColumnType.CATEGORICAL, false),
            new Column("age", ColumnType.NUMERIC, true),
            new Column("color", ColumnType.CATEGORICAL, true),
            new Column("code", ColumnType.CATEGORICAL, true)));

    @TempDir
    Path dir;

    @BeforeAll
    static void open(@TempDir Path spill) throws IOException {
        engine = ColumnarEngine.open(new ColumnarEngine.Settings("256MB", 2, spill));
        writer = new VersionWriter(engine);
        reader = new VersionReader(engine);
        Random random = new Random(11);
        String[] colors = {"red", "green", "blue", "mauve"};
        StringBuilder text = new StringBuilder("id,age,color,code\n");
        for (int i = 0; i < 400; i++) {
            String id = i % 37 == 5 ? "id" + (i - 1) : "id" + i; // some ids repeat the one before
            String age = random.nextInt(15) == 0 ? "" : Integer.toString(random.nextInt(130) - 10);
            String color = colors[random.nextInt(colors.length)];
            String code = random.nextInt(9) == 0 ? "x-" + i : "AB" + (100 + random.nextInt(900));
            String[] row = {id, age, color, code};
            ROWS.add(row);
            text.append(String.join(",", row)).append('\n');
        }
        csv = spill.resolve("rules.csv");
        Files.writeString(csv, text);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static Rules rules(boolean quarantine, Severity colorSeverity) {
        return new Rules(List.of(
                new Rules.ColumnRules("id", true, null, null, null, null, true, null, null),
                new Rules.ColumnRules("age", true, 0.0, 110.0, null, null, false, 0.05, null),
                new Rules.ColumnRules("color", true, null, null, List.of("red", "green", "blue"), null, false, null,
                        colorSeverity),
                new Rules.ColumnRules("code", true, null, null, null, "[A-Z]{2}[0-9]{3}", false, null,
                        Severity.WARNING)), 10L, quarantine);
    }

    // the failing rows of each rule, 1-based, computed in Java
    static List<Long> failing(String rule) {
        List<Long> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Pattern code = Pattern.compile("[A-Z]{2}[0-9]{3}");
        for (int i = 0; i < ROWS.size(); i++) {
            String[] r = ROWS.get(i);
            boolean fails = switch (rule) {
                case "unique" -> !seen.add(r[0]);
                case "min" -> !r[1].isEmpty() && Double.parseDouble(r[1]) < 0;
                case "max" -> !r[1].isEmpty() && Double.parseDouble(r[1]) > 110;
                case "allowed" -> !List.of("red", "green", "blue").contains(r[2]);
                case "pattern" -> !code.matcher(r[3]).matches();
                default -> throw new IllegalArgumentException(rule);
            };
            if (fails) {
                rows.add((long) i + 1);
            }
        }
        return rows;
    }

    static RuleResult result(WrittenVersion v, String rule) {
        return v.rules().stream().filter(r -> r.rule().equals(rule)).findFirst().orElseThrow();
    }

    @Test
    void eachRuleCountsItsFailingRowsWithExamplesAndSeverity() {
        WrittenVersion v = writer.fromCsv(csv, new VersionWriter.Declared(SCHEMA, rules(false, Severity.ERROR), null),
                dir.resolve("v.parquet"), LoadProgress.NONE);
        for (String rule : List.of("unique", "min", "max", "allowed", "pattern")) {
            List<Long> expected = failing(rule);
            assertThat(expected).as(rule).isNotEmpty();
            RuleResult r = result(v, rule);
            assertThat(r.failingRows()).as(rule).isEqualTo(expected.size());
            assertThat(r.examples()).as(rule).extracting(RuleResult.Example::row)
                    .isEqualTo(expected.subList(0, Math.min(20, expected.size())));
        }
        RuleResult first = result(v, "allowed");
        assertThat(first.examples().get(0).value()).isEqualTo(ROWS.get((int) (long) failing("allowed").get(0) - 1)[2]);
        assertThat(result(v, "pattern").severity()).isEqualTo(Severity.WARNING);
        long missingAge = ROWS.stream().filter(r -> r[1].isEmpty()).count();
        assertThat(missingAge).isGreaterThan(20); // above 5% of 400
        assertThat(result(v, "max-missing-rate").failingRows()).isEqualTo(missingAge);
        assertThat(v.valid()).isFalse();
        assertThat(v.rows()).isEqualTo(ROWS.size());
    }

    @Test
    void warningsAloneKeepTheVersionValid() {
        Rules warnings = new Rules(List.of(new Rules.ColumnRules("code", true, null, null, null, "[A-Z]{2}[0-9]{3}",
                false, null, Severity.WARNING)), null, false);
        WrittenVersion v = writer.fromCsv(csv, new VersionWriter.Declared(SCHEMA, warnings, null),
                dir.resolve("w.parquet"), LoadProgress.NONE);
        assertThat(v.valid()).isTrue();
        assertThat(result(v, "pattern").failingRows()).isEqualTo(failing("pattern").size());
        assertThat(v.issues()).allMatch(i -> i.severity() == Severity.WARNING);
    }

    @Test
    void quarantineSetsAsideRowsFailingAnErrorRuleWithTheRulesTheyBroke() {
        Path quarantine = dir.resolve("q.parquet");
        WrittenVersion v = writer.fromCsv(csv, new VersionWriter.Declared(SCHEMA, new Rules(rules(true,
                Severity.ERROR).columns().subList(0, 3).stream().map(c -> c.column().equals("age")
                ? new Rules.ColumnRules("age", true, 0.0, 110.0, null, null, false, null, null) : c).toList(), 10L,
                true), quarantine), dir.resolve("v.parquet"), LoadProgress.NONE);
        Set<Long> bad = new java.util.TreeSet<>();
        for (String rule : List.of("unique", "min", "max", "allowed")) {
            bad.addAll(failing(rule));
        }
        assertThat(v.quarantined()).isEqualTo(bad.size());
        assertThat(v.rows()).isEqualTo(ROWS.size() - bad.size());
        assertThat(v.valid()).isTrue();
        Table set = reader.table(quarantine, List.of());
        assertThat(set.header()).containsExactly("__row", "id", "age", "color", "code", "__rules");
        assertThat(set.rows()).extracting(r -> Long.parseLong(r[0])).containsExactlyElementsOf(bad);
        String[] firstBad = set.rows().get(0);
        long row = Long.parseLong(firstBad[0]);
        List<String> broken = new ArrayList<>();
        for (String rule : List.of("unique", "min", "max", "allowed")) {
            if (failing(rule).contains(row)) {
                broken.add(rule + "(" + switch (rule) {
                    case "unique" -> "id";
                    case "allowed" -> "color";
                    default -> "age";
                } + ")");
            }
        }
        assertThat(firstBad[5]).isEqualTo(String.join("; ", broken));
        Table kept = reader.table(dir.resolve("v.parquet"), List.of("id"));
        assertThat(kept.rows()).hasSize(ROWS.size() - bad.size());
        assertThat(kept.rows().get(0)[0]).isEqualTo(firstKept(bad));
    }

    private static String firstKept(Set<Long> bad) {
        for (int i = 0; i < ROWS.size(); i++) {
            if (!bad.contains((long) i + 1)) {
                return ROWS.get(i)[0];
            }
        }
        throw new AssertionError();
    }

    @Test
    void tooFewRowsIsAnError() {
        WrittenVersion v = writer.fromCsv(csv, new VersionWriter.Declared(SCHEMA, new Rules(List.of(), 1000L, false),
                null), dir.resolve("m.parquet"), LoadProgress.NONE);
        assertThat(v.valid()).isFalse();
        assertThat(result(v, "min-rows").failingRows()).isEqualTo(ROWS.size());
    }
}
