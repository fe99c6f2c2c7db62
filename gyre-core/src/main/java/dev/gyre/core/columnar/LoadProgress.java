package dev.gyre.core.columnar;

/** Told how far the load of an upload has come (a few times a second); answers false to cancel the work. */
@FunctionalInterface
public interface LoadProgress {
    /** Nobody is watching. */
    LoadProgress NONE = (rows, fraction) -> true;

    /**
     * @param rows     rows read so far
     * @param fraction how much of the file was read, 0 to 1
     * @return whether to go on
     */
    boolean report(long rows, double fraction);
}
