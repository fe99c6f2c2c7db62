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

    static String path(Path file) {
        return literal(file.toAbsolutePath().toString());
    }
}
