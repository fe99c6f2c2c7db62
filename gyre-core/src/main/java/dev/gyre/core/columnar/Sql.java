package dev.gyre.core.columnar;

import java.nio.file.Path;

/** Quoting for the few names and paths Gyre writes into SQL text (values always go in as parameters). */
final class Sql {
    private Sql() {
    }

    /** A column name as a quoted identifier: any text is safe, quotes are doubled. */
    static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A string literal. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** A DOUBLE as text the way {@link dev.gyre.core.table.Categories} spells it: whole numbers without ".0". */
    static String numberText(String x) {
        return "CASE WHEN " + x + " = trunc(" + x + ") AND abs(" + x + ") < 1e15 THEN CAST(CAST(" + x
                + " AS BIGINT) AS VARCHAR) ELSE CAST(" + x + " AS VARCHAR) END";
    }

    static String path(Path file) {
        return literal(file.toAbsolutePath().toString());
    }
}
