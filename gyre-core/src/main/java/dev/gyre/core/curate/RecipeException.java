package dev.gyre.core.curate;

/**
 * A recipe that cannot be run: {@code step} is the 0-based index of the step at fault (null for the recipe as a
 * whole), {@code op} its operation and {@code column} the column it names, where there is one.
 */
public final class RecipeException extends RuntimeException {
    private final Integer step;
    private final String op;
    private final String column;

    public RecipeException(Integer step, String op, String column, String message) {
        super(message);
        this.step = step;
        this.op = op;
        this.column = column;
    }

    public Integer step() {
        return step;
    }

    public String op() {
        return op;
    }

    public String column() {
        return column;
    }
}
