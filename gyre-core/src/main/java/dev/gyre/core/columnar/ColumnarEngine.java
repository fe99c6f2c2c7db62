package dev.gyre.core.columnar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * One embedded DuckDB database, in memory, for a process: its memory lives outside the Java heap, capped by
 * {@code memoryLimit}, and what does not fit spills to {@code tempDirectory}. Opening costs about a second, so a
 * service opens one and keeps it; each piece of work takes its own {@link #connect() connection}.
 */
public final class ColumnarEngine implements AutoCloseable {
    /**
     * @param memoryLimit   DuckDB's {@code memory_limit}, e.g. {@code "1GB"}
     * @param threads       worker threads for one query
     * @param tempDirectory where the engine spills; created if missing
     */
    public record Settings(String memoryLimit, int threads, Path tempDirectory) {
        public Settings {
            Objects.requireNonNull(memoryLimit, "memoryLimit");
            Objects.requireNonNull(tempDirectory, "tempDirectory");
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, not " + threads);
            }
            if (!memoryLimit.matches("\\d+(\\.\\d+)?\\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)")) {
                throw new IllegalArgumentException("memoryLimit must be a size such as 512MB or 2GB, not '"
                        + memoryLimit + "'");
            }
        }
    }

    private final DuckDBConnection root;
    private final Settings settings;
    private final ExecutorService background = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "columnar-engine");
        thread.setDaemon(true);
        return thread;
    });

    private ColumnarEngine(DuckDBConnection root, Settings settings) {
        this.root = root;
        this.settings = settings;
    }

    public static ColumnarEngine open(Settings settings) {
        try {
            Files.createDirectories(settings.tempDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the engine's temp directory " + settings.tempDirectory(), e);
        }
        Properties properties = new Properties();
        properties.setProperty("memory_limit", settings.memoryLimit());
        properties.setProperty("threads", Integer.toString(settings.threads()));
        properties.setProperty("temp_directory", settings.tempDirectory().toString());
        // Files are read only where Gyre points the engine; no extension may be fetched from the network.
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        try {
            // the driver itself, not DriverManager: its service lookup misses drivers in nested jars
            DuckDBConnection root = (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:", properties);
            try (Statement s = root.createStatement()) {
                s.execute("SET preserve_insertion_order = true"); // row numbers in reports follow the file
            }
            return new ColumnarEngine(root, settings);
        } catch (SQLException e) {
            throw new ColumnarException("cannot start the embedded engine: " + e.getMessage(), e);
        }
    }

    public Settings settings() {
        return settings;
    }

    /** A connection of its own (DuckDB connections are not for concurrent use); the caller closes it. */
    public Connection connect() {
        try {
            return root.duplicate();
        } catch (SQLException e) {
            throw new ColumnarException("cannot connect to the embedded engine: " + e.getMessage(), e);
        }
    }

    /** A new empty file in the engine's temp directory, for an upload or a converted file; the caller deletes it. */
    public Path tempFile(String suffix) {
        try {
            return Files.createTempFile(settings.tempDirectory(), "gyre-", suffix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp file in " + settings.tempDirectory(), e);
        }
    }

    /** Runs a part of one piece of work beside the caller's, on a connection of its own. */
    <T> Future<T> background(Callable<T> work) {
        return background.submit(work);
    }

    @Override
    public void close() {
        background.shutdownNow();
        try {
            root.close();
        } catch (SQLException e) {
            throw new ColumnarException("cannot close the embedded engine: " + e.getMessage(), e);
        }
    }
}
