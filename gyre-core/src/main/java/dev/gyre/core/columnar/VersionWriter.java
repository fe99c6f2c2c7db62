package dev.gyre.core.columnar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.gyre.core.profile.DatasetProfile;
import dev.gyre.core.table.Column;
import dev.gyre.core.table.RuleResult;
import dev.gyre.core.table.Rules;
import dev.gyre.core.table.Severity;
import dev.gyre.core.table.ColumnType;
import dev.gyre.core.table.CsvFormatException;
import dev.gyre.core.table.CsvTables;
import dev.gyre.core.table.SchemaValidator;
import dev.gyre.core.table.Table;
import dev.gyre.core.table.TableSchema;
import dev.gyre.core.table.ValidationIssue;
import dev.gyre.core.table.Values;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.QueryProgress;

/**
 * Writes a dataset version as typed Parquet from an uploaded CSV or Parquet file, in the engine: the file is loaded
 * once (numeric-looking columns straight as DOUBLE, the rest as text), types are inferred with the same rules as
 * {@link dev.gyre.core.table.TypeInference}, the rows are checked against a declared schema with
 * {@link SchemaValidator}'s rules and messages, and the typed columns are written and profiled. Nothing of the
 * rows passes through the Java heap.
 */
public final class VersionWriter {
    /** Records read in Java first, to guess which columns load as numbers (a wrong guess costs one reload). */
    static final int SAMPLE_ROWS = 2_000;
    private static final int MAX_EXAMPLES = SchemaValidator.MAX_ISSUES_PER_RULE_AND_COLUMN;
    /** The cells Table.isMissing treats as missing, as the engine compares them (after lower and trim). */
    private static final String MISSING_TOKENS = "('', 'na', 'n/a', 'null', 'nan')";
    /** The exact spellings the CSV reader turns into NULL on its own (the rest are caught by MISSING_TOKENS). */
    private static final String NULL_STRINGS = "['', 'NA', 'na', 'N/A', 'n/a', 'null', 'NULL', 'NaN', 'nan']";
    private static final Pattern NUMERIC_TYPE = Pattern.compile(
            "(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|FLOAT|DOUBLE|DECIMAL.*)");
    private static final AtomicLong NAMES = new AtomicLong();
    private static final long PROGRESS_INTERVAL_MILLIS = 250;
    /** Up to this many rows the Parquet write and the profile run at once (see write). */
    static final long SIDE_BY_SIDE_UP_TO_ROWS = 2_000_000;
    /** Uploads larger than this are loaded into a database file rather than memory (see write). */
    static final long ON_DISK_ABOVE_BYTES = 256L * 1024 * 1024;

    private final ColumnarEngine engine;
    private final long onDiskAboveBytes;

    public VersionWriter(ColumnarEngine engine) {
        this(engine, ON_DISK_ABOVE_BYTES);
    }

    /** @param onDiskAboveBytes uploads larger than this load into a database file of their own, not memory */
    public VersionWriter(ColumnarEngine engine, long onDiskAboveBytes) {
        this.engine = engine;
        this.onDiskAboveBytes = onDiskAboveBytes;
    }

    /**
     * Loads {@code csv} (RFC 4180, UTF-8, header first), checks it against {@code declared} (null: no schema) and
     * writes it to {@code parquet}.
     *
     * @throws CsvFormatException for a file that is not such a CSV: ragged rows, unterminated quotes, bad UTF-8,
     *                            binary content, a bad header; naming the line and, where there is one, the column
     */
    public WrittenVersion fromCsv(Path csv, TableSchema declared, Path parquet) {
        return fromCsv(csv, declared, parquet, LoadProgress.NONE);
    }

    /**
     * As {@link #fromCsv(Path, TableSchema, Path)}, telling {@code progress} how far the load has come.
     *
     * @throws LoadCancelledException when {@code progress} answers false
     */
    public WrittenVersion fromCsv(Path csv, TableSchema declared, Path parquet, LoadProgress progress) {
        return fromCsv(csv, Declared.of(declared), parquet, progress);
    }

    /**
     * What a version is checked against: the declared columns (null: none), their rules, and the file the rows a
     * quarantine sets aside are written to (written only when there are such rows).
     */
    public record Declared(TableSchema schema, Rules rules, Path quarantine) {
        public Declared {
            rules = rules == null ? Rules.NONE : rules;
        }

        static Declared of(TableSchema schema) {
            return new Declared(schema, Rules.NONE, null);
        }
    }

    /** As {@link #fromCsv(Path, TableSchema, Path, LoadProgress)}, with the declared rules. */
    public WrittenVersion fromCsv(Path csv, Declared checks, Path parquet, LoadProgress progress) {
        TableSchema declared = checks.schema();
        Table head = csvHead(csv, SAMPLE_ROWS);
        List<String> header = head.header();
        Set<String> asNumbers = new LinkedHashSet<>();
        Set<String> categorical = new LinkedHashSet<>();
        for (int i = 0; i < header.size(); i++) {
            if (loadsAsNumbers(head, i, declared)) {
                asNumbers.add(header.get(i));
            } else if (sampledAsCategorical(head, i)) {
                categorical.add(header.get(i));
            }
        }
        return write(parquet, checks, progress, size(csv),
                (c, prefix) -> loadCsv(c, prefix, csv, header, asNumbers, categorical, progress));
    }

    /**
     * Loads an uploaded Parquet file, checks it against {@code declared} and writes it again as a version: numbers
     * of any width become DOUBLE, booleans BOOLEAN, everything else text (dates, decimals as text, nested values).
     *
     * @throws ParquetFormatException if the file is not Parquet or has no usable columns
     */
    public WrittenVersion fromParquet(Path upload, TableSchema declared, Path parquet) {
        return fromParquet(upload, declared, parquet, LoadProgress.NONE);
    }

    /** As {@link #fromParquet(Path, TableSchema, Path)}, telling {@code progress} how far the load has come. */
    public WrittenVersion fromParquet(Path upload, TableSchema declared, Path parquet, LoadProgress progress) {
        return fromParquet(upload, Declared.of(declared), parquet, progress);
    }

    /** As {@link #fromParquet(Path, TableSchema, Path, LoadProgress)}, with the declared rules. */
    public WrittenVersion fromParquet(Path upload, Declared declared, Path parquet, LoadProgress progress) {
        // Parquet is compressed: count it as the CSV it would be, about four times larger
        return write(parquet, declared, progress, 4 * size(upload), (c, prefix) -> loadParquet(c, prefix, upload, progress));
    }

    private interface Loader {
        /**
         * Creates the table named by the returned Loaded, its name starting with {@code prefix} (a database
         * and a dot, or nothing), and says which of its columns hold DOUBLE.
         */
        Loaded load(Connection c, String prefix) throws SQLException;
    }

    /**
     * @param table      the loaded rows, text columns with missing cells NULL
     * @param doubles    the columns loaded as DOUBLE
     * @param categorical text columns known to be categorical without a scan (the sample holds a value that is
     *                   neither a number nor a boolean)
     */
    private record Loaded(String table, List<String> header, Set<String> doubles, Set<String> categorical) {
    }

    private WrittenVersion write(Path parquet, Declared declared, LoadProgress progress, long inputBytes,
                                 Loader loader) {
        try (Connection c = engine.connect()) {
            // A large upload is loaded into a database file of its own: stored compressed and paged, so that the
            // engine's memory limit bounds what it holds, whatever the row count. Smaller ones stay in memory.
            String database = inputBytes > onDiskAboveBytes ? "spool_" + NAMES.incrementAndGet() : null;
            Path file = database == null ? null : engine.tempFile(".duckdb");
            if (database != null) {
                Files.deleteIfExists(file);
                execute(c, "ATTACH " + Sql.path(file) + " AS " + database);
            }
            try {
                return write(c, parquet, declared, progress, loader.load(c, database == null ? "" : database + "."));
            } finally {
                if (database != null) {
                    execute(c, "DETACH " + database);
                    Files.deleteIfExists(file);
                    Files.deleteIfExists(Path.of(file + ".wal"));
                }
            }
        } catch (SQLException e) {
            throw new ColumnarException("the engine failed writing a version: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WrittenVersion write(Connection c, Path parquet, Declared checks, LoadProgress progress,
                                 Loaded loaded) throws SQLException {
        TableSchema declared = checks.schema();
        String typed = loaded.table() + "_typed";
        try {
            long rows = queryLong(c, "SELECT count(*) FROM " + loaded.table());
            if (!progress.report(rows, 1)) {
                throw new LoadCancelledException();
            }
            Map<String, ColumnType> inferred = inferTypes(c, loaded);
            List<Column> typedColumns = new ArrayList<>();
            for (String name : loaded.header()) {
                Column declaredColumn = declared == null ? null : declared.column(name).orElse(null);
                typedColumns.add(declaredColumn != null ? declaredColumn : new Column(name, inferred.get(name), true));
            }
            TableSchema types = new TableSchema(typedColumns);
            Validation validation = declared == null ? new Validation(List.of(), List.of(), List.of())
                    : validate(c, loaded, declared, checks.rules(), rows);
            List<ValidationIssue> issues = new ArrayList<>(validation.issues());
            List<RuleResult> results = new ArrayList<>(validation.rules());
            long quarantined = 0;
            Set<String> setAside = new HashSet<>();
            if (checks.rules().quarantine() && checks.quarantine() != null && !validation.quarantinable().isEmpty()) {
                loaded = quarantine(c, loaded, validation.quarantinable(), checks.quarantine());
                long kept = queryLong(c, "SELECT count(*) FROM " + loaded.table());
                quarantined = rows - kept;
                rows = kept;
                validation.quarantinable().forEach(r -> setAside.add(r.label()));
            }
            Long minRows = checks.rules().minRows();
            if (declared != null && minRows != null && rows < minRows) {
                issues.add(new ValidationIssue(MIN_ROWS, null, null, "the version has " + rows + " rows, fewer than "
                        + "the " + minRows + " declared"));
                results.add(new RuleResult(MIN_ROWS, null, Severity.ERROR, rows, List.of()));
            }
            boolean valid = issues.stream().noneMatch(i -> i.severity() == Severity.ERROR
                    && !setAside.contains(i.rule() + "(" + i.column() + ")"));
            Loaded source = loaded;
            execute(c, "CREATE VIEW " + typed + " AS SELECT " + String.join(", ",
                    types.columns().stream().map(col -> typedExpression(col, source)).toList())
                    + " FROM " + loaded.table());
            // The Parquet write and the profile each leave a core idle part of the time: side by side they are
            // faster, but each pins memory of its own, so a large version does one after the other.
            String copySql = "COPY (SELECT * FROM " + typed + ") TO " + Sql.path(parquet)
                    + " (FORMAT parquet, COMPRESSION snappy)";
            DatasetProfile profile;
            if (rows > SIDE_BY_SIDE_UP_TO_ROWS) {
                execute(c, copySql);
                profile = SqlProfiler.profile(engine, c, typed, types, rows);
            } else {
                Future<?> copy = engine.background(() -> {
                    try (Connection other = engine.connect()) {
                        execute(other, copySql);
                    }
                    return null;
                });
                try {
                    profile = SqlProfiler.profile(engine, c, typed, types, rows);
                } finally {
                    await(copy);
                }
            }
            List<Column> columns = new ArrayList<>();
            for (int i = 0; i < typedColumns.size(); i++) {
                Column column = typedColumns.get(i);
                boolean isDeclared = declared != null && declared.column(column.name()).isPresent();
                columns.add(isDeclared ? column : new Column(column.name(), column.type(),
                        profile.columns().get(i).missing() > 0));
            }
            return new WrittenVersion(rows, new TableSchema(columns), issues, results, profile, quarantined, valid);
        } finally {
            execute(c, "DROP VIEW IF EXISTS " + typed);
            execute(c, "DROP TABLE IF EXISTS " + loaded.table());
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T await(Future<T> task) throws SQLException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ColumnarException("interrupted while writing a version", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new ColumnarException("the engine failed writing a version: " + e.getCause(), e.getCause());
        }
    }

    // ---- loading

    private static Table csvHead(Path csv, int sampleRows) {
        try (InputStream in = Files.newInputStream(csv)) {
            return CsvTables.head(in, sampleRows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A declared numeric column, or an undeclared one whose sampled values are all numbers (and one at least). */
    private static boolean loadsAsNumbers(Table head, int index, TableSchema declared) {
        String name = head.header().get(index);
        if (declared != null && declared.column(name).isPresent()) {
            return declared.column(name).get().type() == ColumnType.NUMERIC;
        }
        boolean present = false;
        for (String[] row : head.rows()) {
            String cell = row[index];
            if (cell == null) {
                continue;
            }
            if (Values.parseNumber(cell) == null) {
                return false;
            }
            present = true;
        }
        return present;
    }

    /** A column with a sampled value that is neither a number nor a boolean: categorical whatever the rest holds. */
    private static boolean sampledAsCategorical(Table head, int index) {
        for (String[] row : head.rows()) {
            String cell = row[index];
            if (cell != null && Values.parseNumber(cell) == null && Values.parseBoolean(cell) == null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Loads the CSV with the guessed numeric columns as DOUBLE. The reader's rejects say what is wrong: a structural
     * error (ragged row, quote, encoding) is the user's and ends the load; a value that is not a number in a guessed
     * column makes that column text, and the file is loaded again.
     */
    private Loaded loadCsv(Connection c, String prefix, Path csv, List<String> header, Set<String> asNumbers,
                           Set<String> categorical, LoadProgress progress) throws SQLException {
        Set<String> doubles = new LinkedHashSet<>(asNumbers);
        while (true) {
            String id = Long.toString(NAMES.incrementAndGet());
            String table = prefix + "version_" + id;
            String rejects = "rejects_" + id;
            String scans = "reject_scans_" + id;
            StringBuilder columns = new StringBuilder();
            for (String name : header) {
                columns.append(columns.isEmpty() ? "" : ", ").append(Sql.literal(name)).append(": ")
                        .append(doubles.contains(name) ? "'DOUBLE'" : "'VARCHAR'");
            }
            try {
                watched(c, progress, "CREATE TABLE " + table + " AS SELECT " + select(header, doubles) + " FROM read_csv("
                        + Sql.path(csv)
                        + ", header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"'"
                        + ", strict_mode = true, null_padding = false, nullstr = " + NULL_STRINGS
                        + ", store_rejects = true, rejects_table = '" + rejects + "', rejects_scan = '" + scans
                        + "', rejects_limit = 1000, columns = {" + columns + "})");
                Set<String> notNumbers = new LinkedHashSet<>();
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                        "SELECT line, column_name, error_type, error_message, csv_line FROM " + rejects
                                + " ORDER BY line, column_idx")) {
                    while (r.next()) {
                        String type = r.getString(3);
                        String column = r.getString(2);
                        if ("MISSING COLUMNS".equals(type) && r.getString(5).isBlank()) {
                            continue; // a line of spaces only counts as blank, as for CsvTables: not loaded
                        }
                        if (!"CAST".equals(type)) {
                            throw structural(r.getLong(1), column, type, r.getString(4), header.size());
                        }
                        notNumbers.add(column);
                    }
                }
                notNumbers.addAll(nonFinite(c, table, doubles));
                if (notNumbers.isEmpty()) {
                    return new Loaded(table, header, doubles, categorical);
                }
                doubles.removeAll(notNumbers);
                execute(c, "DROP TABLE " + table);
            } catch (SQLException | RuntimeException e) {
                execute(c, "DROP TABLE IF EXISTS " + table);
                throw e;
            } finally {
                execute(c, "DROP TABLE IF EXISTS " + rejects);
                execute(c, "DROP TABLE IF EXISTS " + scans);
            }
        }
    }

    /** Numbers as loaded; text with every spelling of missing made NULL, so that later steps test only NULL. */
    private static String select(List<String> header, Set<String> doubles) {
        return String.join(", ", header.stream().map(name -> {
            String x = Sql.ident(name);
            return doubles.contains(name) ? x
                    : "CASE WHEN lower(trim(" + x + ")) IN " + MISSING_TOKENS + " THEN NULL ELSE " + x + " END AS " + x;
        }).toList());
    }

    /** Columns loaded as DOUBLE that hold infinities (which the reader accepts as numbers and Gyre does not). */
    private static List<String> nonFinite(Connection c, String table, Set<String> doubles) throws SQLException {
        if (doubles.isEmpty()) {
            return List.of();
        }
        List<String> names = List.copyOf(doubles);
        String sql = "SELECT " + String.join(", ", names.stream()
                .map(n -> "count(*) FILTER (WHERE NOT isfinite(" + Sql.ident(n) + "))").toList()) + " FROM " + table;
        List<String> found = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            for (int i = 0; i < names.size(); i++) {
                if (r.getLong(i + 1) > 0) {
                    found.add(names.get(i));
                }
            }
        }
        return found;
    }

    private static final Pattern FOUND_COLUMNS = Pattern.compile("Expected Number of Columns: (\\d+) Found: (\\d+)");

    private static CsvFormatException structural(long line, String column, String type, String message, int width) {
        Matcher m = FOUND_COLUMNS.matcher(message);
        if (m.find()) {
            long found = Long.parseLong(m.group(2));
            return new CsvFormatException(line, found + (found == 1 ? " field" : " fields") + ", header has "
                    + width);
        }
        String detail = switch (type) {
            case "INVALID ENCODING", "INVALID UNICODE" -> "invalid UTF-8 in column \"" + column
                    + "\": the file must be UTF-8 text";
            case "UNQUOTED VALUE" -> "unterminated or misplaced quote in column \"" + column + "\"";
            case "LINE SIZE OVER MAXIMUM" -> "line longer than the reader's maximum: is this a CSV file?";
            default -> message.lines().findFirst().orElse(type) + " (column \"" + column + "\")";
        };
        return new CsvFormatException(line, column, detail);
    }

    private Loaded loadParquet(Connection c, String prefix, Path upload, LoadProgress progress) throws SQLException {
        Map<String, String> types = parquetColumns(c, upload);
        String table = prefix + "version_" + NAMES.incrementAndGet();
        Set<String> doubles = new LinkedHashSet<>();
        Set<String> texts = new LinkedHashSet<>();
        List<String> select = new ArrayList<>();
        for (Map.Entry<String, String> e : types.entrySet()) {
            String name = Sql.ident(e.getKey());
            if (NUMERIC_TYPE.matcher(e.getValue()).matches()) {
                doubles.add(e.getKey());
                // NaN and infinities are no numbers to Gyre: they are missing
                select.add("CASE WHEN isfinite(CAST(" + name + " AS DOUBLE)) THEN CAST(" + name
                        + " AS DOUBLE) END AS " + name);
            } else {
                texts.add(e.getKey());
                select.add("CAST(" + name + " AS VARCHAR) AS " + name);
            }
        }
        try {
            watched(c, progress, "CREATE TABLE " + table + " AS SELECT " + String.join(", ", select)
                    + " FROM read_parquet(" + Sql.path(upload) + ")");
        } catch (SQLException e) {
            execute(c, "DROP TABLE IF EXISTS " + table);
            throw new ParquetFormatException("the Parquet file cannot be read: " + firstLine(e), null);
        }
        // as the CSV loader does: every spelling of missing in a text column is NULL
        for (String name : texts) {
            String x = Sql.ident(name);
            execute(c, "UPDATE " + table + " SET " + x + " = NULL WHERE lower(trim(" + x + ")) IN " + MISSING_TOKENS);
        }
        return new Loaded(table, List.copyOf(types.keySet()), doubles, Set.of());
    }

    /** The file's columns and their engine types, in file order; refuses what is not Parquet or not a table. */
    private static Map<String, String> parquetColumns(Connection c, Path upload) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(" + Sql.path(upload)
                        + "))")) {
            while (r.next()) {
                String name = r.getString(1);
                if (name == null || name.isBlank()) {
                    throw new ParquetFormatException("the Parquet file has a column with an empty name", null);
                }
                if (types.put(name, r.getString(2)) != null) {
                    throw new ParquetFormatException("the Parquet file has two columns named \"" + name + "\"",
                            name);
                }
            }
        } catch (SQLException e) {
            throw new ParquetFormatException("not a Parquet file: " + firstLine(e), null);
        }
        if (types.isEmpty()) {
            throw new ParquetFormatException("the Parquet file has no columns", null);
        }
        return types;
    }

    private static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return message.lines().findFirst().orElse(message).replaceFirst("^[A-Za-z ]+ Error: ", "");
    }

    // ---- inference and validation

    private static String isNumber(String column) {
        return "coalesce(isfinite(TRY_CAST(" + column + " AS DOUBLE)), false)";
    }

    private static String isBoolean(String column) {
        return "(lower(trim(" + column + ")) IN ('true', 'false'))";
    }

    /**
     * Each column's type by TypeInference's rules: DOUBLE columns are numeric, the sample settled some text columns
     * as categorical, and one scan counts for the rest how many of their present values are numbers and booleans.
     */
    private static Map<String, ColumnType> inferTypes(Connection c, Loaded loaded) throws SQLException {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        List<String> open = new ArrayList<>();
        for (String name : loaded.header()) {
            if (loaded.doubles().contains(name)) {
                types.put(name, ColumnType.NUMERIC);
            } else if (loaded.categorical().contains(name)) {
                types.put(name, ColumnType.CATEGORICAL);
            } else {
                open.add(name);
            }
        }
        if (open.isEmpty()) {
            return types;
        }
        List<String> select = new ArrayList<>();
        for (String name : open) {
            String x = Sql.ident(name);
            select.add("count(" + x + ")");
            select.add("count(*) FILTER (WHERE " + isNumber(x) + ")");
            select.add("count(*) FILTER (WHERE " + isBoolean(x) + ")");
        }
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT " + String.join(", ", select) + " FROM " + loaded.table())) {
            r.next();
            for (int i = 0; i < open.size(); i++) {
                long present = r.getLong(3 * i + 1);
                types.put(open.get(i), present == 0 ? ColumnType.CATEGORICAL
                        : r.getLong(3 * i + 2) == present ? ColumnType.NUMERIC
                        : r.getLong(3 * i + 3) == present ? ColumnType.BOOLEAN
                        : ColumnType.CATEGORICAL);
            }
        }
        return types;
    }

    /** A rule checked row by row: {@code condition} is true on a failing row, {@code value} what the report shows. */
    private record RowRule(String rule, String column, Severity severity, String condition, String value) {
        String label() {
            return rule + "(" + column + ")";
        }
    }

    /** The issues one by one, each failed rule with its count, and the failed row rules a quarantine sets aside. */
    private record Validation(List<ValidationIssue> issues, List<RuleResult> rules, List<RowRule> quarantinable) {
    }

    /**
     * {@link SchemaValidator}'s rules, in its order, with its messages, then the declared rules of each column and
     * of the dataset; rows are 1-based data rows.
     */
    private static Validation validate(Connection c, Loaded loaded, TableSchema declared, Rules rules,
                                       long rows) throws SQLException {
        List<ValidationIssue> issues = new ArrayList<>();
        List<RuleResult> results = new ArrayList<>();
        List<RowRule> failed = new ArrayList<>();
        Set<String> names = new HashSet<>(loaded.header());
        for (Column column : declared.columns()) {
            Rules.ColumnRules declaredRules = rules.of(column.name()).orElse(null);
            if (!names.contains(column.name()) && (declaredRules == null || declaredRules.required())) {
                Severity severity = declaredRules == null ? Severity.ERROR : declaredRules.severity();
                issues.add(new ValidationIssue(SchemaValidator.MISSING_COLUMN, column.name(), null,
                        "column \"" + column.name() + "\" is declared but not in the file", severity));
                results.add(new RuleResult(SchemaValidator.MISSING_COLUMN, column.name(), severity, rows, List.of()));
            }
        }
        for (String name : loaded.header()) {
            if (declared.column(name).isEmpty()) {
                issues.add(new ValidationIssue(SchemaValidator.UNEXPECTED_COLUMN, name, null,
                        "column \"" + name + "\" is in the file but not declared"));
                results.add(new RuleResult(SchemaValidator.UNEXPECTED_COLUMN, name, Severity.ERROR, rows, List.of()));
            }
        }
        for (Column column : declared.columns()) {
            if (!names.contains(column.name())) {
                continue;
            }
            Rules.ColumnRules declaredRules = rules.of(column.name()).orElse(null);
            Severity severity = declaredRules == null ? Severity.ERROR : declaredRules.severity();
            String name = column.name();
            for (RowRule rule : rowRules(column, declaredRules, severity, loaded)) {
                RuleResult result = examples(c, loaded.table(), rule, issues, message(rule, column.type()));
                if (result != null) {
                    results.add(result);
                    if (rule.severity() == Severity.ERROR) {
                        failed.add(rule);
                    }
                }
            }
            if (declaredRules != null && declaredRules.maxMissingRate() != null && rows > 0) {
                long missing = queryLong(c, "SELECT count(*) - count(" + Sql.ident(name) + ") FROM " + loaded.table());
                double rate = (double) missing / rows;
                if (rate > declaredRules.maxMissingRate()) {
                    issues.add(new ValidationIssue(MAX_MISSING_RATE, name, null, missing + " of " + rows
                            + " values of column \"" + name + "\" are missing (" + percent(rate) + "), more than "
                            + "the " + percent(declaredRules.maxMissingRate()) + " allowed", severity));
                    results.add(new RuleResult(MAX_MISSING_RATE, name, severity, missing, List.of()));
                }
            }
        }
        return new Validation(issues, results, failed);
    }

    public static final String MIN = "min";
    public static final String MAX = "max";
    public static final String ALLOWED = "allowed";
    public static final String PATTERN = "pattern";
    public static final String UNIQUE = "unique";
    public static final String MAX_MISSING_RATE = "max-missing-rate";
    public static final String MIN_ROWS = "min-rows";

    /** The column's rules checked row by row, each as a condition true on a failing row. */
    private static List<RowRule> rowRules(Column column, Rules.ColumnRules rules, Severity severity, Loaded loaded) {
        String name = column.name();
        String x = Sql.ident(name);
        boolean doubles = loaded.doubles().contains(name);
        String text = doubles ? Sql.numberText(x) : "CAST(" + x + " AS VARCHAR)";
        List<RowRule> list = new ArrayList<>();
        String wrongType = switch (column.type()) {
            case NUMERIC -> doubles ? null : x + " IS NOT NULL AND NOT " + isNumber(x);
            case BOOLEAN -> x + " IS NOT NULL AND NOT " + isBoolean(x);
            case CATEGORICAL -> null;
        };
        if (wrongType != null) {
            list.add(new RowRule(SchemaValidator.TYPE, name, severity, wrongType, text));
        }
        if (!column.nullable()) {
            list.add(new RowRule(SchemaValidator.NOT_NULL, name, severity, x + " IS NULL", text));
        }
        if (rules == null) {
            return list;
        }
        // the value as the version stores it: a number, a boolean, or the text
        String typed = switch (column.type()) {
            case NUMERIC -> doubles ? x : "TRY_CAST(" + x + " AS DOUBLE)";
            case BOOLEAN -> "lower(trim(" + x + "))";
            case CATEGORICAL -> text;
        };
        if (rules.min() != null) {
            list.add(new RowRule(MIN, name, severity, typed + " < " + number(rules.min()), text));
        }
        if (rules.max() != null) {
            list.add(new RowRule(MAX, name, severity, typed + " > " + number(rules.max()), text));
        }
        if (rules.allowed() != null) {
            String values = String.join(", ", rules.allowed().stream().map(v -> column.type() == ColumnType.NUMERIC
                    ? number(Values.parseNumber(v))
                    : Sql.literal(column.type() == ColumnType.BOOLEAN ? v.strip().toLowerCase(java.util.Locale.ROOT)
                    : v)).toList());
            list.add(new RowRule(ALLOWED, name, severity, typed + " IS NOT NULL AND " + typed
                    + (values.isEmpty() ? " IS NOT NULL" : " NOT IN (" + values + ")"), text));
        }
        if (rules.pattern() != null) {
            list.add(new RowRule(PATTERN, name, severity, x + " IS NOT NULL AND NOT regexp_full_match(" + text + ", "
                    + Sql.literal(rules.pattern()) + ")", text));
        }
        if (rules.unique()) {
            // every later row holding a value an earlier row holds
            list.add(new RowRule(UNIQUE, name, severity, typed + " IS NOT NULL AND row_number() OVER (PARTITION BY "
                    + typed + " ORDER BY rowid) > 1", text));
        }
        return list;
    }

    private static String number(double value) {
        return "CAST(" + Double.toString(value) + " AS DOUBLE)";
    }

    private static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.4g%%", share * 100);
    }

    private static Message message(RowRule rule, ColumnType type) {
        String column = "column \"" + rule.column() + "\"";
        return switch (rule.rule()) {
            case SchemaValidator.TYPE -> (row, cell) -> "row " + row + ": \"" + cell + "\" is not " + article(type)
                    + " value in " + column;
            case SchemaValidator.NOT_NULL -> (row, cell) -> "row " + row + ": missing value in non-nullable " + column;
            case MIN -> (row, cell) -> "row " + row + ": " + cell + " is below the minimum of " + column;
            case MAX -> (row, cell) -> "row " + row + ": " + cell + " is above the maximum of " + column;
            case ALLOWED -> (row, cell) -> "row " + row + ": \"" + cell + "\" is not an allowed value of " + column;
            case PATTERN -> (row, cell) -> "row " + row + ": \"" + cell + "\" does not match the pattern of " + column;
            default -> (row, cell) -> "row " + row + ": \"" + cell + "\" appears in an earlier row of " + column
                    + ", declared unique";
        };
    }

    private interface Message {
        String of(long row, String cell);
    }

    /** The rule's failing rows: up to MAX_EXAMPLES as issues and examples; null when no row fails it. */
    private static RuleResult examples(Connection c, String table, RowRule rule, List<ValidationIssue> issues,
                                       Message message) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT r + 1, v, count(*) OVER () FROM "
                + "(SELECT rowid AS r, " + rule.value() + " AS v, (" + rule.condition() + ") AS f FROM " + table
                + ") WHERE f ORDER BY r LIMIT " + MAX_EXAMPLES)) {
            long total = 0;
            List<RuleResult.Example> examples = new ArrayList<>();
            while (r.next()) {
                long row = r.getLong(1);
                String cell = r.getString(2);
                examples.add(new RuleResult.Example(row, cell));
                issues.add(new ValidationIssue(rule.rule(), rule.column(), Math.toIntExact(row), message.of(row, cell),
                        rule.severity()));
                total = r.getLong(3);
            }
            long more = total - MAX_EXAMPLES;
            if (more > 0) {
                issues.add(new ValidationIssue(rule.rule(), rule.column(), null, "... and " + more + " more \""
                        + rule.rule() + "\" issue(s) in column \"" + rule.column() + "\"", rule.severity()));
            }
            return total == 0 ? null : new RuleResult(rule.rule(), rule.column(), rule.severity(), total, examples);
        }
    }

    /**
     * Sets aside the rows failing any of {@code failed}: writes them to {@code quarantine} (their 1-based row as
     * {@code __row}, the columns as loaded, the rules each broke as {@code __rules}) and answers the table of the
     * rows kept, in file order.
     */
    private static Loaded quarantine(Connection c, Loaded loaded, List<RowRule> failed, Path quarantine)
            throws SQLException {
        String bad = loaded.table() + "_bad";
        String kept = loaded.table() + "_kept";
        String rules = "concat_ws('; ', " + String.join(", ", failed.stream().map(r -> "CASE WHEN " + r.condition()
                + " THEN " + Sql.literal(r.label()) + " END").toList()) + ")";
        try {
            execute(c, "CREATE TABLE " + bad + " AS SELECT * FROM (SELECT rowid AS __r, " + rules + " AS __rules FROM "
                    + loaded.table() + ") WHERE __rules <> ''");
            execute(c, "COPY (SELECT b.__r + 1 AS __row, l.*, b.__rules FROM " + loaded.table() + " l JOIN " + bad
                    + " b ON l.rowid = b.__r ORDER BY b.__r) TO " + Sql.path(quarantine)
                    + " (FORMAT parquet, COMPRESSION snappy)");
            execute(c, "CREATE TABLE " + kept + " AS SELECT * FROM " + loaded.table() + " WHERE rowid NOT IN (SELECT "
                    + "__r FROM " + bad + ") ORDER BY rowid");
        } catch (SQLException | RuntimeException e) {
            execute(c, "DROP TABLE IF EXISTS " + kept);
            throw e;
        } finally {
            execute(c, "DROP TABLE IF EXISTS " + bad);
        }
        execute(c, "DROP TABLE " + loaded.table());
        return new Loaded(kept, loaded.header(), loaded.doubles(), loaded.categorical());
    }

    private static String article(ColumnType type) {
        return switch (type) {
            case NUMERIC -> "a numeric";
            case BOOLEAN -> "a boolean";
            case CATEGORICAL -> "a categorical";
        };
    }

    /** The column as the version stores it: DOUBLE, BOOLEAN or text, a value that is not of its type missing. */
    private static String typedExpression(Column column, Loaded loaded) {
        String x = Sql.ident(column.name());
        boolean doubles = loaded.doubles().contains(column.name());
        String expression = switch (column.type()) {
            case NUMERIC -> doubles ? x : "CASE WHEN " + isNumber(x) + " THEN CAST(" + x + " AS DOUBLE) END";
            case BOOLEAN -> "CASE lower(trim(" + x + ")) WHEN 'true' THEN true WHEN 'false' THEN false END";
            case CATEGORICAL -> doubles ? "CAST(" + x + " AS VARCHAR)" : x;
        };
        return expression + " AS " + x;
    }

    // ---- plumbing

    /** Runs {@code sql}, reporting the engine's progress on it and cancelling it when {@code progress} says so. */
    private void watched(Connection c, LoadProgress progress, String sql) throws SQLException {
        if (progress == LoadProgress.NONE) {
            execute(c, sql);
            return;
        }
        // the engine tracks progress only where asked to (and must not print it)
        execute(c, "SET enable_progress_bar = true");
        execute(c, "SET enable_progress_bar_print = false");
        try (Statement s = c.createStatement()) {
            AtomicBoolean cancelled = new AtomicBoolean();
            Future<?> watch = engine.background(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(PROGRESS_INTERVAL_MILLIS);
                    QueryProgress p = ((DuckDBPreparedStatement) s).getQueryProgress();
                    if (p.getPercentage() >= 0 && !progress.report(p.getRowsProcessed(), p.getPercentage() / 100)) {
                        cancelled.set(true);
                        s.cancel();
                        return null;
                    }
                }
                return null;
            });
            try {
                s.execute(sql);
            } catch (SQLException e) {
                if (cancelled.get()) {
                    throw new LoadCancelledException();
                }
                throw e;
            } finally {
                watch.cancel(true);
            }
            if (cancelled.get()) {
                throw new LoadCancelledException();
            }
        }
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static long queryLong(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
