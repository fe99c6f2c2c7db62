package dev.gyre.core.columnar;

/** The engine failed on input Gyre gave it: a fault of Gyre or of the machine, not of the user's data. */
public class ColumnarException extends RuntimeException {
    public ColumnarException(String message, Throwable cause) {
        super(message, cause);
    }
}
