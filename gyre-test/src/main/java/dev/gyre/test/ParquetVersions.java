package dev.gyre.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.gyre.api.data.ColumnSpec;
import dev.gyre.core.columnar.ColumnarEngine;
import dev.gyre.core.columnar.VersionWriter;
import dev.gyre.core.table.Column;
import dev.gyre.core.table.ColumnType;
import dev.gyre.core.table.TableSchema;

/** CSV as data-service stores it, for the stubs that play data-service: typed Parquet written by the same engine. */
public final class ParquetVersions {
    private ParquetVersions() {
    }

    /** {@code csv} as a version's Parquet, typed by {@code columns} (inferred when null). */
    public static byte[] of(byte[] csv, List<ColumnSpec> columns) {
        TableSchema declared = columns == null ? null : new TableSchema(columns.stream()
                .map(c -> new Column(c.name(), ColumnType.valueOf(c.type().name()), !Boolean.FALSE.equals(c.nullable())))
                .toList());
        try {
            Path dir = Files.createTempDirectory("gyre-parquet-version");
            try (ColumnarEngine engine = ColumnarEngine.open(new ColumnarEngine.Settings("128MB", 1, dir))) {
                Path in = engine.tempFile(".csv");
                Path out = engine.tempFile(".parquet");
                Files.write(in, csv);
                new VersionWriter(engine).fromCsv(in, declared, out);
                return Files.readAllBytes(out);
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
