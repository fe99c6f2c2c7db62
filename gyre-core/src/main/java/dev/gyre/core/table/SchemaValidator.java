package dev.gyre.core.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a table against a declared schema. Rules: {@code missing-column} (declared but absent),
 * {@code unexpected-column} (present but not declared), {@code type} (a present value that does not parse
 * as the declared type) and {@code not-null} (a missing value in a non-nullable column). At most
 * {@value #MAX_ISSUES_PER_RULE_AND_COLUMN} issues are listed per rule and column, followed by one issue
 * that counts the rest.
 */
public final class SchemaValidator {
    public static final String MISSING_COLUMN = "missing-column";
    public static final String UNEXPECTED_COLUMN = "unexpected-column";
    public static final String TYPE = "type";
    public static final String NOT_NULL = "not-null";
    public static final int MAX_ISSUES_PER_RULE_AND_COLUMN = 20;

    private SchemaValidator() {
    }

    /** All issues, column-level ones first, then per declared column in schema order; empty if the table is valid. */
    public static List<ValidationIssue> validate(Table table, TableSchema declared) {
        List<ValidationIssue> issues = new ArrayList<>();
        Set<String> declaredNames = new HashSet<>(declared.names());
        for (Column column : declared.columns()) {
            if (table.indexOf(column.name()) < 0) {
                issues.add(new ValidationIssue(MISSING_COLUMN, column.name(), null,
                        "column \"" + column.name() + "\" is declared but not in the file"));
            }
        }
        for (String name : table.header()) {
            if (!declaredNames.contains(name)) {
                issues.add(new ValidationIssue(UNEXPECTED_COLUMN, name, null,
                        "column \"" + name + "\" is in the file but not declared"));
            }
        }
        for (Column column : declared.columns()) {
            int index = table.indexOf(column.name());
            if (index >= 0) {
                checkCells(table, index, column, issues);
            }
        }
        return issues;
    }

    private static void checkCells(Table table, int index, Column column, List<ValidationIssue> issues) {
        int typeIssues = 0;
        int nullIssues = 0;
        List<ValidationIssue> nullList = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            String cell = table.cell(r, index);
            int row = r + 1;
            if (Table.isMissing(cell)) {
                if (!column.nullable() && nullIssues++ < MAX_ISSUES_PER_RULE_AND_COLUMN) {
                    nullList.add(new ValidationIssue(NOT_NULL, column.name(), row,
                            "row " + row + ": missing value in non-nullable column \"" + column.name() + "\""));
                }
            } else if (!matches(cell, column.type()) && typeIssues++ < MAX_ISSUES_PER_RULE_AND_COLUMN) {
                issues.add(new ValidationIssue(TYPE, column.name(), row, "row " + row + ": \"" + cell
                        + "\" is not " + article(column.type()) + " value in column \"" + column.name() + "\""));
            }
        }
        addSummary(issues, TYPE, column.name(), typeIssues);
        issues.addAll(nullList);
        addSummary(issues, NOT_NULL, column.name(), nullIssues);
    }

    private static boolean matches(String cell, ColumnType type) {
        return switch (type) {
            case NUMERIC -> Values.parseNumber(cell) != null;
            case BOOLEAN -> Values.parseBoolean(cell) != null;
            case CATEGORICAL -> true;
        };
    }

    private static String article(ColumnType type) {
        return switch (type) {
            case NUMERIC -> "a numeric";
            case BOOLEAN -> "a boolean";
            case CATEGORICAL -> "a categorical";
        };
    }

    private static void addSummary(List<ValidationIssue> issues, String rule, String column, int total) {
        int more = total - MAX_ISSUES_PER_RULE_AND_COLUMN;
        if (more > 0) {
            issues.add(new ValidationIssue(rule, column, null,
                    "... and " + more + " more \"" + rule + "\" issue(s) in column \"" + column + "\""));
        }
    }
}
