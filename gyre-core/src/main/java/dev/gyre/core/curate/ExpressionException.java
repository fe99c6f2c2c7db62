package dev.gyre.core.curate;

/**
 * An expression that does not parse or does not fit the columns it is checked against: {@code position} is the
 * 1-based character at fault, {@code column} the column at fault where there is one. The message says both.
 */
public final class ExpressionException extends RuntimeException {
    private final int position;
    private final String column;

    public ExpressionException(int position, String column, String message) {
        super("at position " + position + ": " + message);
        this.position = position;
        this.column = column;
    }

    public int position() {
        return position;
    }

    public String column() {
        return column;
    }
}
