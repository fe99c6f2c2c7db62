package dev.gyre.core.table;

/**
 * A CSV file that cannot be read as a table: bad encoding, binary content, missing or invalid header,
 * or a record whose field count differs from the header's. The message starts with {@code "line N: "}.
 */
public class CsvFormatException extends RuntimeException {
    private final long line;
    private final String column;

    /**
     * @param line   1-based physical line of the file where the bad record (or byte) starts; the header is line 1
     * @param detail what is wrong, without the line prefix
     */
    public CsvFormatException(long line, String detail) {
        this(line, null, detail);
    }

    /** As {@link #CsvFormatException(long, String)}, naming the column at fault when it is known. */
    public CsvFormatException(long line, String column, String detail) {
        super("line " + line + ": " + detail);
        this.line = line;
        this.column = column;
    }

    public CsvFormatException(long line, String detail, Throwable cause) {
        super("line " + line + ": " + detail, cause);
        this.line = line;
        this.column = null;
    }

    /** The column at fault, or null when the problem is not in one column (or its header name is unknown). */
    public String column() {
        return column;
    }

    /** The 1-based physical line of the file where the problem starts (the header is line 1). */
    public long line() {
        return line;
    }
}
