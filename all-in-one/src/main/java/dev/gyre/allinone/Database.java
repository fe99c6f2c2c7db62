package dev.gyre.allinone;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The one embedded PostgreSQL of the platform. Its data directory survives restarts; the role
 * {@code gyre} and one database per service are created when absent.
 */
final class Database implements AutoCloseable {

    static final String USER = "gyre";
    static final String PASSWORD = "gyre";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private Database(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    static Database start(Path dataDirectory, OptionalInt port, List<String> databases, PrintStream log) {
        try {
            Files.createDirectories(dataDirectory);
            stopLeftover(dataDirectory, log);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "64MB");
            port.ifPresent(builder::setPort);
            Database database = new Database(builder.start(), dataDirectory);
            database.createRoleAndDatabases(databases);
            return database;
        } catch (IOException e) {
            throw new LaunchException("PostgreSQL did not start in " + dataDirectory + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new LaunchException("could not create the Gyre databases: " + e.getMessage(), e);
        }
    }

    int port() {
        return postgres.getPort();
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** The postmaster's process id, for the watchdog. */
    Optional<Long> pid() {
        return postmasterPid(dataDirectory);
    }

    private void createRoleAndDatabases(List<String> databases) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", USER)) {
                statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            }
            for (String database : databases) {
                if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                    statement.execute("CREATE DATABASE " + database + " OWNER " + USER);
                }
            }
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    /**
     * A PostgreSQL left running by a launcher that was killed too hard for its watchdog to act still
     * owns the data directory: stop it (smart shutdown, then immediate) before starting ours.
     */
    private static void stopLeftover(Path dataDirectory, PrintStream log) {
        Optional<ProcessHandle> leftover = postmasterPid(dataDirectory).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false));
        leftover.ifPresent(process -> {
            log.println("[gyre] stopping a PostgreSQL left running by an earlier start (pid " + process.pid() + ")");
            process.destroy();
            try {
                process.onExit().get(20, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static Optional<Long> postmasterPid(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
