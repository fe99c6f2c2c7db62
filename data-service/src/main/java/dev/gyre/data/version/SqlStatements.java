package dev.gyre.data.version;

import java.util.Optional;

/**
 * Tells one SQL statement from several, with PostgreSQL's lexical rules: a {@code ;} counts only outside string
 * literals ({@code '…'} with {@code ''}, {@code E'…'} with backslash escapes, {@code $tag$…$tag$}), quoted
 * identifiers ({@code "…"}) and comments ({@code --} to the end of the line, nested {@code /* … *}{@code /}).
 * PgJDBC does not refuse several statements itself, not even in a PreparedStatement: it splits the text and runs
 * each one (JdbcIngestTests shows it), so a query is checked here before it is sent.
 */
final class SqlStatements {

    private SqlStatements() {
    }

    /**
     * The statement of {@code sql} without its trailing {@code ;} (and any blanks, comments or further {@code ;}
     * after it), or empty if another statement follows. Text left open (an unterminated literal or comment) is
     * passed on whole: the database reports it.
     */
    static Optional<String> single(String sql) {
        int n = sql.length();
        int end = -1;
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            char next = i + 1 < n ? sql.charAt(i + 1) : 0;
            if (c == '-' && next == '-') {
                i = lineEnd(sql, i);
            } else if (c == '/' && next == '*') {
                i = blockCommentEnd(sql, i);
            } else if (end >= 0) {
                if (c != ';' && !Character.isWhitespace(c)) {
                    return Optional.empty();
                }
                i++;
            } else if (c == '\'') {
                i = quotedEnd(sql, i, '\'', isEscapeString(sql, i));
            } else if (c == '"') {
                i = quotedEnd(sql, i, '"', false);
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int close = sql.indexOf(tag, i + tag.length());
                i = close < 0 ? n : close + tag.length();
            } else {
                if (c == ';') {
                    end = i;
                }
                i++;
            }
        }
        return Optional.of((end < 0 ? sql : sql.substring(0, end)).strip());
    }

    private static int lineEnd(String sql, int from) {
        for (int i = from; i < sql.length(); i++) {
            if (sql.charAt(i) == '\n' || sql.charAt(i) == '\r') {
                return i;
            }
        }
        return sql.length();
    }

    private static int blockCommentEnd(String sql, int from) {
        int depth = 0;
        int i = from;
        while (i < sql.length() - 1) {
            String two = sql.substring(i, i + 2);
            if (two.equals("/*")) {
                depth++;
                i += 2;
            } else if (two.equals("*/")) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** The index after the closing quote; a doubled quote (and, in E'…', a backslash) escapes. */
    private static int quotedEnd(String sql, int open, char quote, boolean backslashEscapes) {
        int i = open + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** {@code E'…'}: the quote follows an E that is not the end of a longer word. */
    private static boolean isEscapeString(String sql, int quote) {
        if (quote == 0 || Character.toLowerCase(sql.charAt(quote - 1)) != 'e') {
            return false;
        }
        return quote == 1 || !isIdentifierPart(sql.charAt(quote - 2));
    }

    /** The tag ({@code $$} or {@code $name$}) opening a dollar-quoted string at {@code at}, else null. */
    private static String dollarTag(String sql, int at) {
        if (at > 0 && isIdentifierPart(sql.charAt(at - 1))) {
            return null; // a '$' inside a word such as a$b
        }
        int i = at + 1;
        if (i < sql.length() && sql.charAt(i) != '$') {
            char first = sql.charAt(i);
            if (!(Character.isLetter(first) || first == '_')) {
                return null; // $1 is a parameter
            }
            while (i < sql.length() && sql.charAt(i) != '$') {
                char c = sql.charAt(i);
                if (!(Character.isLetterOrDigit(c) || c == '_')) {
                    return null;
                }
                i++;
            }
        }
        return i < sql.length() ? sql.substring(at, i + 1) : null;
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
