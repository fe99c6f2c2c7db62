package dev.gyre.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaValidatorTest {

    private static final TableSchema DECLARED = new TableSchema(List.of(
            new Column("id", ColumnType.NUMERIC, false),
            new Column("active", ColumnType.BOOLEAN, true),
            new Column("city", ColumnType.CATEGORICAL, true),
            new Column("age", ColumnType.NUMERIC, true)));

    @Test
    void acceptsATableThatMatchesItsSchema() {
        Table table = new Table(List.of("id", "active", "city", "age"), List.of(
                new String[] {"1", "true", "Oslo", "30"},
                new String[] {"2", null, null, null}));

        assertThat(SchemaValidator.validate(table, DECLARED)).isEmpty();
    }

    @Test
    void reportsMissingAndUnexpectedColumns() {
        Table table = new Table(List.of("id", "active", "city", "extra"), List.<String[]>of());

        assertThat(SchemaValidator.validate(table, DECLARED))
                .extracting(ValidationIssue::rule, ValidationIssue::column, ValidationIssue::row)
                .containsExactly(
                        tuple("missing-column", "age", null),
                        tuple("unexpected-column", "extra", null));
    }

    @Test
    void reportsTypeAndNotNullIssuesWithOneBasedDataRows() {
        Table table = new Table(List.of("id", "active", "city", "age"), List.of(
                new String[] {"1", "yes", "Oslo", "30"},
                new String[] {null, "false", "Rome", "thirty"},
                new String[] {"x", "TRUE", "Rome", "1e2"}));

        List<ValidationIssue> issues = SchemaValidator.validate(table, DECLARED);

        assertThat(issues)
                .extracting(ValidationIssue::rule, ValidationIssue::column, ValidationIssue::row)
                .containsExactly(
                        tuple("type", "id", 3),
                        tuple("not-null", "id", 2),
                        tuple("type", "active", 1),
                        tuple("type", "age", 2));
        assertThat(issues.get(0).message()).contains("\"x\"").contains("numeric").contains("row 3");
    }

    @Test
    void capsIssuesAtTwentyPerRuleAndColumnThenSummarizes() {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            rows.add(new String[] {"bad" + i, null, null, null});
        }
        for (int i = 0; i < 3; i++) {
            rows.add(new String[] {null, "maybe", null, null});
        }
        Table table = new Table(List.of("id", "active", "city", "age"), rows);

        List<ValidationIssue> issues = SchemaValidator.validate(table, DECLARED);

        List<ValidationIssue> idType = issues.stream()
                .filter(i -> i.rule().equals("type") && i.column().equals("id")).toList();
        assertThat(idType).hasSize(21);
        assertThat(idType.get(19).row()).isEqualTo(20);
        assertThat(idType.get(20).row()).isNull();
        assertThat(idType.get(20).message()).contains("5 more");
        assertThat(issues.stream().filter(i -> i.rule().equals("not-null"))).hasSize(3);
        assertThat(issues.stream().filter(i -> i.column().equals("active"))).hasSize(3);
        assertThat(issues).hasSize(21 + 3 + 3);
    }
}
