package dev.gyre.core.columnar;

/** An upload that is not a readable Parquet file, or whose columns cannot be a dataset's. */
public class ParquetFormatException extends RuntimeException {
    private final String column;

    public ParquetFormatException(String message, String column) {
        super(message);
        this.column = column;
    }

    /** The column at fault, or null when the file as a whole is. */
    public String column() {
        return column;
    }
}
