package dev.gyre.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.gyre.api.data.ColumnSpec;
import dev.gyre.api.data.ColumnType;

/** The datasets shipped in the repository's {@code datasets} folder, as a service module's tests find them. */
public final class Datasets {
    /** The Palmer penguins: 344 rows, label {@code Species}. */
    public static final Path PENGUINS = Path.of(System.getProperty("basedir", "."), "../datasets/penguins.csv");

    /** The penguins' columns as data-service infers them. */
    public static final List<ColumnSpec> PENGUIN_COLUMNS = List.of(
            new ColumnSpec("Species", ColumnType.CATEGORICAL, false),
            new ColumnSpec("Island", ColumnType.CATEGORICAL, false),
            new ColumnSpec("Beak Length (mm)", ColumnType.NUMERIC, true),
            new ColumnSpec("Beak Depth (mm)", ColumnType.NUMERIC, true),
            new ColumnSpec("Flipper Length (mm)", ColumnType.NUMERIC, true),
            new ColumnSpec("Body Mass (g)", ColumnType.NUMERIC, true),
            new ColumnSpec("Sex", ColumnType.CATEGORICAL, true));

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
