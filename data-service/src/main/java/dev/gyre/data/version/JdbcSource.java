package dev.gyre.data.version;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.api.data.IngestSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Reads the rows of a SQL query on a configured connection ({@link JdbcProperties}) into a CSV file, which is then
 * ingested as an uploaded CSV is. The query runs in a read-only transaction (for PostgreSQL also
 * {@code SET TRANSACTION READ ONLY}, so the database itself refuses a write), as one statement, with a row cap and
 * one deadline for the whole read; rows stream (fetch size) to disk, never all in the heap.
 * <p>
 * A connection is opened per request with {@link DriverManager} rather than kept in a pool: ingests are rare and
 * long next to a connect of a few milliseconds, a pool would hold idle sessions open on someone else's database and
 * hand back sessions that an earlier query may have changed ({@code SET ...}), and nothing would have to be closed
 * when the service stops.
 * <p>
 * Problems: what the caller asked wrongly (no such connection, a refused or rejected query, too many rows, too slow)
 * is 4xx naming {@code source.connection} or {@code source.query}; a database that cannot be reached or refuses the
 * configured login is 502 {@code source-unavailable} naming the connection. The password is never in a message.
 */
@Component
class JdbcSource implements AutoCloseable {
    static final String CONNECTION_FIELD = "source.connection";
    static final String QUERY_FIELD = "source.query";
    static final int MAX_QUERY_LENGTH = 100_000;
    private static final Logger log = LoggerFactory.getLogger(JdbcSource.class);

    private final JdbcProperties properties;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "jdbc-ingest-deadline");
        thread.setDaemon(true);
        return thread;
    });

    JdbcSource(JdbcProperties properties) {
        this.properties = properties;
    }

    /** A checked request: a configured connection and the one statement to run on it. */
    record Query(String name, JdbcProperties.Connection connection, String sql) {
    }

    /** Checks a {@code jdbc} source before anything runs; 400 problems naming the field at fault. */
    Query check(IngestSource source) {
        String name = source.connection();
        if (name == null || name.isBlank()) {
            throw Problems.of(ProblemCode.MISSING_FIELD, "A jdbc source needs source.connection, the name of a "
                    + "connection configured in data-service", Map.of("field", CONNECTION_FIELD));
        }
        JdbcProperties.Connection connection = properties.connections().get(name);
        if (connection == null) {
            String detail = properties.connections().isEmpty()
                    ? "No JDBC connection is configured; define one as " + JdbcProperties.PREFIX
                    + ".<name>.url, .username and .password (see docs/operations.md) and name it in source.connection"
                    : "There is no JDBC connection '" + shorten(name) + "'; the configured ones are: "
                    + properties.names();
            throw Problems.of(ProblemCode.UNKNOWN_CONNECTION, detail, Map.of("field", CONNECTION_FIELD));
        }
        String query = source.query();
        if (query == null || query.isBlank()) {
            throw Problems.of(ProblemCode.MISSING_FIELD, "A jdbc source needs source.query, one SQL query",
                    Map.of("field", QUERY_FIELD));
        }
        if (query.length() > MAX_QUERY_LENGTH) {
            throw invalidQuery("The query has " + query.length() + " characters; at most " + MAX_QUERY_LENGTH
                    + " are accepted");
        }
        String single = SqlStatements.single(query).orElseThrow(() -> invalidQuery("The query holds more than one "
                + "statement; send one query (a ';' may only end it)"));
        if (single.isEmpty()) {
            throw invalidQuery("The query holds no statement");
        }
        return new Query(name, connection, single);
    }

    /**
     * Runs {@code query} and writes its rows to {@code csv}: a header of the column labels, then one record per row
     * (NULL an empty field, numbers as Java writes them, booleans true/false, dates and times ISO-8601). Returns the
     * file hashed; on any failure the file is deleted and nothing else is left behind.
     */
    Upload read(Query query, Path csv) {
        JdbcProperties.Connection settings = query.connection();
        long started = System.nanoTime();
        AtomicBoolean expired = new AtomicBoolean();
        try (Connection connection = connect(query)) {
            try {
                readOnly(connection);
                try (Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY,
                        ResultSet.CONCUR_READ_ONLY)) {
                    statement.setEscapeProcessing(false); // the text goes to the database as written
                    statement.setFetchSize(settings.fetchSize());
                    statement.setMaxRows(settings.maxRows() + 1); // one more than allowed shows that there are more
                    statement.setQueryTimeout((int) Math.max(1, (settings.queryTimeout().toMillis() + 999) / 1000));
                    // the driver's timeout ends with the first batch of rows; this one covers the whole read
                    ScheduledFuture<?> deadline = deadlines.schedule(() -> {
                        expired.set(true);
                        cancelQuietly(statement);
                    }, settings.queryTimeout().toNanos(), TimeUnit.NANOSECONDS);
                    try (ResultSet rows = statement.executeQuery(query.sql())) {
                        write(rows, csv, query, expired);
                    } finally {
                        deadline.cancel(false);
                    }
                }
            } finally {
                rollbackQuietly(connection);
            }
        } catch (SQLException e) {
            Upload.deleteQuietly(csv);
            boolean late = expired.get() || System.nanoTime() - started >= settings.queryTimeout().toNanos();
            throw failure(query, e, late);
        } catch (RuntimeException e) {
            Upload.deleteQuietly(csv);
            throw e;
        }
        return Upload.of(csv);
    }

    private Connection connect(Query query) {
        JdbcProperties.Connection settings = query.connection();
        Properties login = new Properties();
        if (settings.username() != null) {
            login.setProperty("user", settings.username());
        }
        if (settings.password() != null) {
            login.setProperty("password", settings.password());
        }
        if (settings.url().startsWith("jdbc:postgresql:")) {
            // per connection, unlike DriverManager.setLoginTimeout, which is one value for the whole JVM
            String seconds = Long.toString(Math.max(1, settings.connectTimeout().toSeconds()));
            login.setProperty("connectTimeout", seconds);
            login.setProperty("loginTimeout", seconds);
            login.setProperty("ApplicationName", "gyre-data-service ingest");
        }
        try {
            return DriverManager.getConnection(settings.url(), login);
        } catch (SQLException e) {
            String message = clean(e.getMessage(), settings);
            log.warn("JDBC ingest: connection '{}' failed: {} (SQLState {})", query.name(), message, e.getSQLState());
            throw unavailable(query, "could not be opened: " + message, e);
        }
    }

    /** Read-only, and a transaction: PgJDBC streams a result by the fetch size only when autocommit is off. */
    private static void readOnly(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        if ("PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
            try (Statement s = connection.createStatement()) {
                s.execute("SET TRANSACTION READ ONLY");
            }
        }
    }

    private static void write(ResultSet rows, Path csv, Query query, AtomicBoolean expired) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        int width = meta.getColumnCount();
        List<String> header = header(meta);
        Cell[] cells = new Cell[width];
        for (int i = 0; i < width; i++) {
            cells[i] = cell(meta.getColumnType(i + 1), meta.getColumnTypeName(i + 1));
        }
        long count = 0;
        try (CsvWriter out = CsvWriter.builder().lineDelimiter(LineDelimiter.LF)
                .build(csv, StandardCharsets.UTF_8)) {
            out.writeRecord(header);
            while (rows.next()) {
                if (++count > query.connection().maxRows()) {
                    throw tooManyRows(query);
                }
                if (expired.get()) { // a cancel between two fetches finds nothing running: stop here
                    throw timeout(query);
                }
                CsvWriter.CsvWriterRecord record = out.writeRecord();
                for (int i = 0; i < width; i++) {
                    record.writeField(cells[i].text(rows, i + 1));
                }
                record.endRecord();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the rows of the query could not be written", e);
        }
        if (count == 0) {
            throw Problems.of(ProblemCode.NO_ROWS, "The query returned no rows; a version needs at least one row",
                    Map.of("field", QUERY_FIELD));
        }
    }

    /** The column labels, which become the CSV header: as many as there are columns, each its own name. */
    private static List<String> header(ResultSetMetaData meta) throws SQLException {
        int width = meta.getColumnCount();
        if (width == 0) {
            throw invalidQuery("The query returns no columns");
        }
        List<String> header = new ArrayList<>(width);
        Set<String> seen = new HashSet<>();
        for (int i = 1; i <= width; i++) {
            String label = meta.getColumnLabel(i);
            String name = label == null ? "" : label.strip();
            if (name.isEmpty() || !seen.add(name)) {
                throw invalidQuery("The query returns " + (name.isEmpty() ? "a column without a name"
                        : "more than one column named \"" + shorten(name) + "\"") + " (column " + i + "); give "
                        + "each column its own name with AS");
            }
            header.add(label);
        }
        return header;
    }

    /** How one column's values become CSV text, chosen once per column from its SQL type. */
    @FunctionalInterface
    private interface Cell {
        String text(ResultSet rows, int column) throws SQLException;
    }

    private static Cell cell(int type, String typeName) {
        boolean zoned = typeName != null && (typeName.toLowerCase(Locale.ROOT).endsWith("tz")
                || typeName.toLowerCase(Locale.ROOT).contains("with time zone"));
        return switch (type) {
            case Types.DATE -> temporal(LocalDate.class, DateTimeFormatter.ISO_LOCAL_DATE);
            case Types.TIME -> zoned ? temporal(OffsetTime.class, DateTimeFormatter.ISO_OFFSET_TIME)
                    : temporal(LocalTime.class, DateTimeFormatter.ISO_LOCAL_TIME);
            case Types.TIME_WITH_TIMEZONE -> temporal(OffsetTime.class, DateTimeFormatter.ISO_OFFSET_TIME);
            case Types.TIMESTAMP -> zoned ? temporal(OffsetDateTime.class, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    : temporal(LocalDateTime.class, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            case Types.TIMESTAMP_WITH_TIMEZONE -> temporal(OffsetDateTime.class,
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> (rows, column) -> {
                byte[] bytes = rows.getBytes(column);
                return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
            };
            default -> (rows, column) -> {
                Object value = rows.getObject(column);
                if (value == null) {
                    return null;
                }
                if (value instanceof Number || value instanceof Boolean || value instanceof String) {
                    return value.toString();
                }
                return rows.getString(column); // the driver's text of anything else (uuid, json, arrays, ...)
            };
        };
    }

    private static <T extends TemporalAccessor> Cell temporal(Class<T> as, DateTimeFormatter format) {
        return (rows, column) -> {
            T value = rows.getObject(column, as);
            return value == null ? null : format.format(value);
        };
    }

    private ErrorResponseException failure(Query query, SQLException e, boolean late) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = clean(e.getMessage(), query.connection());
        if (state.equals("57014") && late) { // query_canceled: by our deadline or the driver's timeout
            return timeout(query);
        }
        // lost connection, server shutting down or out of resources, internal error: the database's trouble
        if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P") || state.startsWith("58")
                || state.startsWith("XX")) {
            log.warn("JDBC ingest: connection '{}' failed during the query: {} (SQLState {})", query.name(),
                    message, state);
            return unavailable(query, "failed during the query: " + message, e);
        }
        Map<String, Object> where = new LinkedHashMap<>();
        where.put("field", QUERY_FIELD);
        if (!state.isEmpty()) {
            where.put("sqlState", state);
        }
        if (state.equals("02000")) { // no_data: the driver's word for a statement that returns no rows at all
            return Problems.of(ProblemCode.INVALID_QUERY, "The statement returns no result (" + message + "); send "
                    + "a query: SELECT, VALUES, TABLE or WITH ... SELECT", where);
        }
        return Problems.of(ProblemCode.INVALID_QUERY, "The database refused the query: " + message, where);
    }

    private static ErrorResponseException unavailable(Query query, String what, SQLException e) {
        Map<String, Object> where = new LinkedHashMap<>();
        where.put("field", CONNECTION_FIELD);
        where.put("connection", query.name());
        if (e.getSQLState() != null) {
            where.put("sqlState", e.getSQLState());
        }
        return Problems.of(ProblemCode.SOURCE_UNAVAILABLE, "The JDBC connection '" + query.name() + "' " + what,
                where);
    }

    private static ErrorResponseException timeout(Query query) {
        double seconds = query.connection().queryTimeout().toMillis() / 1000.0;
        return Problems.of(ProblemCode.SOURCE_TIMEOUT, "The query did not finish within " + seconds + " s ("
                + JdbcProperties.PREFIX + "." + query.name() + ".query-timeout) and was cancelled; nothing was "
                + "stored", Map.of("field", QUERY_FIELD, "timeoutSeconds", seconds));
    }

    private static ErrorResponseException tooManyRows(Query query) {
        int max = query.connection().maxRows();
        // 413 as for a URL source over its size: the content is more than this service takes in one version
        return Problems.of(ProblemCode.QUERY_TOO_LARGE, "The query returns more than " + max + " rows, the most "
                + "connection '" + query.name() + "' allows (" + JdbcProperties.PREFIX + "." + query.name()
                + ".max-rows); nothing was stored. Narrow it (WHERE, LIMIT) or ingest it in parts",
                Map.of("field", QUERY_FIELD, "maxRows", max));
    }

    private static ErrorResponseException invalidQuery(String detail) {
        return Problems.of(ProblemCode.INVALID_QUERY, detail, Map.of("field", QUERY_FIELD));
    }

    /** A driver's message without the password or the URL (which may hold one). */
    private static String clean(String message, JdbcProperties.Connection settings) {
        String text = message == null ? "no message" : message;
        if (settings.url() != null && !settings.url().isEmpty()) {
            text = text.replace(settings.url(), "<url>");
        }
        if (settings.password() != null && !settings.password().isEmpty()) {
            text = text.replace(settings.password(), "******");
        }
        return text.strip();
    }

    private static String shorten(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
    }

    private static void cancelQuietly(Statement statement) {
        try {
            statement.cancel();
        } catch (SQLException | RuntimeException e) {
            log.debug("cancelling a JDBC ingest query", e);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException e) {
            log.debug("ending a JDBC ingest transaction", e);
        }
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
    }
}
