package dev.gyre.core.table;

/** Parsing of cell values into typed values, shared by type inference, validation and profiling. */
public final class Values {
    private Values() {
    }

    /**
     * Parses a finite decimal number such as {@code 1}, {@code -2.5}, {@code 1e3} or {@code " 4 "}.
     *
     * @return the value, or {@code null} if the cell is missing, not a plain decimal number
     *     (hex, {@code Infinity}, {@code NaN}, Java suffixes like {@code 1d}) or overflows to infinity
     */
    public static Double parseNumber(String cell) {
        if (Table.isMissing(cell)) {
            return null;
        }
        String s = cell.strip();
        if (!isDecimal(s)) {
            return null;
        }
        double value = Double.parseDouble(s);
        return Double.isFinite(value) ? value : null;
    }

    /** Parses {@code true}/{@code false} in any case (surrounding spaces allowed); anything else is {@code null}. */
    public static Boolean parseBoolean(String cell) {
        if (cell == null) {
            return null;
        }
        String s = cell.strip();
        if (s.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (s.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        return null;
    }

    // [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?  — checked by hand because
    // Double.parseDouble also accepts hex, "Infinity", "NaN" and type suffixes.
    private static boolean isDecimal(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
