package dev.gyre.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.gyre.api.data.ColumnSpec;

/** The datasets shipped in the repository's {@code datasets} folder, as a service module's tests find them. */
public final class Datasets {
    /** The Palmer penguins: 344 rows, label {@code Species}. */
    public static final Path PENGUINS = Path.of(System.getProperty("basedir", "."), "../datasets/penguins.csv");

    /** The penguins' columns as data-service infers them. */
    public static final List<ColumnSpec> PENGUIN_COLUMNS = List.of(
            new ColumnSpec("Species", "categorical", false),
            new ColumnSpec("Island", "categorical", false),
            new ColumnSpec("Beak Length (mm)", "numeric", true),
            new ColumnSpec("Beak Depth (mm)", "numeric", true),
            new ColumnSpec("Flipper Length (mm)", "numeric", true),
            new ColumnSpec("Body Mass (g)", "numeric", true),
            new ColumnSpec("Sex", "categorical", true));

    private Datasets() {
    }

    /** The bytes of penguins.csv, read afresh. */
    public static byte[] penguinsCsv() {
        try {
            return Files.readAllBytes(PENGUINS);
        } catch (IOException e) {
            throw new IllegalStateException("penguins.csv not found at " + PENGUINS.toAbsolutePath(), e);
        }
    }
}
