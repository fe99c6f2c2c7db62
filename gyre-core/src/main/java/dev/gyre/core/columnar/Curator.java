package dev.gyre.core.columnar;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.gyre.core.curate.CurationStep;
import dev.gyre.core.curate.Expression;
import dev.gyre.core.curate.ExpressionException;
import dev.gyre.core.curate.Recipe;
import dev.gyre.core.curate.RecipeException;
import dev.gyre.core.rank.FeatureColumn;
import dev.gyre.core.rank.FeatureRanker;
import dev.gyre.core.rank.FeatureScore;
import dev.gyre.core.rank.Ranking;
import dev.gyre.core.table.Column;
import dev.gyre.core.table.ColumnType;
import dev.gyre.core.table.TableSchema;
import dev.gyre.core.table.Values;

/**
 * Runs a {@link Recipe} over a version's Parquet, in the engine, and writes the result as Parquet: each step makes
 * a table from the one before, in file order, and says how many rows it removed and values it changed. Fitted
 * figures (an imputed mean, outlier bounds) come from the data as the step receives it.
 */
public final class Curator {
    private static final String ROW = "__gyre_row";
    /** The working tables' own columns start so; a user column may not be named so by a step. */
    private static final String HIDDEN_PREFIX = "__gyre_";
    /** Columns carried by every step and never written out: file order, and a row's split when it has one. */
    private static final String SPLIT = "__gyre_split";
    private static final List<String> HIDDEN = List.of(ROW, SPLIT);
    private static final AtomicLong NAMES = new AtomicLong();

    private final ColumnarEngine engine;

    public Curator(ColumnarEngine engine) {
        this.engine = engine;
    }

    /**
     * What one step did: rows it removed, values it changed, and what it fitted on the data, if anything (fills,
     * bounds, bin edges, the columns a selection kept with their scores), as JSON-ready values.
     */
    public record StepOutcome(String op, long rowsChanged, long valuesChanged, Map<String, Object> fitted) {
        public StepOutcome {
            fitted = fitted == null || fitted.isEmpty() ? null : java.util.Collections.unmodifiableMap(fitted);
        }
    }

    /** The curated rows' schema (types carried from the parent), their count and what each step did. */
    public record Curated(TableSchema schema, long rows, List<StepOutcome> steps, Map<String, Long> splits) {
    }

    /**
     * @param schema the parent version's columns and types
     * @param label  the dataset's label column (what {@code dropMissing} without columns drops on), or null
     * @throws RecipeException for a step that names a column the data does not have at that point, or one of the
     *                         wrong type
     */
    public Curated curate(Path parent, TableSchema schema, String label, Recipe recipe, Path out) {
        return curate(parent, schema, label, recipe, out, null);
    }

    /**
     * As {@link #curate(Path, TableSchema, String, Recipe, Path)}, and with a recipe that splits, writes each row's
     * split ({@code train}, {@code validation}, {@code test}) to {@code splitOut} as a one-column Parquet in the
     * rows' order. The split is drawn before the first step fitted on the train rows, or after the last step.
     */
    public Curated curate(Path parent, TableSchema schema, String label, Recipe recipe, Path out, Path splitOut) {
        String prefix = "curate_" + NAMES.incrementAndGet() + "_";
        List<String> tables = new ArrayList<>();
        try (Connection c = engine.connect()) {
            try {
                String table = prefix + 0;
                tables.add(table);
                VersionWriter.execute(c, "CREATE TABLE " + table + " AS SELECT *, row_number() OVER () AS " + ROW
                        + " FROM read_parquet(" + Sql.path(parent) + ")");
                List<String> hidden = hidden(c, table);
                Map<String, ColumnType> types = new LinkedHashMap<>();
                schema.columns().forEach(col -> types.put(col.name(), col.type()));
                hidden.forEach(types::remove);
                long rows = VersionWriter.queryLong(c, "SELECT count(*) FROM " + table);
                List<StepOutcome> outcomes = new ArrayList<>();
                boolean split = recipe.split() == null;
                for (int i = 0; i < recipe.steps().size(); i++) {
                    CurationStep step = recipe.steps().get(i);
                    if (!split && FITTED_ON_TRAIN.contains(step.op())) {
                        table = split(c, table, prefix + "split", tables, recipe, types, label);
                        hidden = hidden(c, table);
                        split = true;
                    }
                    String next = prefix + (i + 1);
                    tables.add(next);
                    Map<String, Object> fitted = new LinkedHashMap<>();
                    long values = run(c, i, step, table, next, types, hidden, label, fitted);
                    long after = VersionWriter.queryLong(c, "SELECT count(*) FROM " + next);
                    outcomes.add(new StepOutcome(step.op(), rows - after, values, fitted));
                    VersionWriter.execute(c, "DROP TABLE " + table);
                    table = next;
                    rows = after;
                }
                if (!split) {
                    table = split(c, table, prefix + "split", tables, recipe, types, label);
                }
                VersionWriter.execute(c, "COPY (SELECT " + idents(List.copyOf(types.keySet())) + " FROM " + table
                        + " ORDER BY " + ROW + ") TO " + Sql.path(out) + " (FORMAT parquet, COMPRESSION snappy)");
                Map<String, Long> splits = null;
                if (recipe.split() != null) {
                    splits = Splitter.counts(c, table);
                    VersionWriter.execute(c, "COPY (SELECT " + Splitter.SPLIT + " FROM " + table + " ORDER BY " + ROW
                            + ") TO " + Sql.path(splitOut) + " (FORMAT parquet, COMPRESSION snappy)");
                }
                List<Column> columns = new ArrayList<>();
                types.forEach((name, type) -> columns.add(new Column(name, type, true)));
                return new Curated(new TableSchema(columns), rows, List.copyOf(outcomes), splits);
            } finally {
                for (String table : tables) {
                    VersionWriter.execute(c, "DROP TABLE IF EXISTS " + table);
                }
            }
        } catch (SQLException e) {
            throw new ColumnarException("the engine failed curating a version: " + e.getMessage(), e);
        }
    }

    /** Steps whose fitted figures come from the train rows only: the split is drawn before the first of them. */
    private static final java.util.Set<String> FITTED_ON_TRAIN = java.util.Set.of("bin", "select");

    private static String split(Connection c, String table, String next, List<String> tables, Recipe recipe,
                                Map<String, ColumnType> types, String label) throws SQLException {
        tables.add(next);
        Splitter.assign(c, table, next, recipe.split(), types, label, ROW);
        VersionWriter.execute(c, "DROP TABLE " + table);
        return next;
    }

    /** Makes {@code next} from {@code table}; answers the number of values changed and puts what it fitted. */
    private static long run(Connection c, int index, CurationStep step, String table, String next,
                            Map<String, ColumnType> types, List<String> hidden, String label,
                            Map<String, Object> fitted) throws SQLException {
        if (step instanceof CurationStep.Dedupe d) {
            List<String> keys = d.columns().isEmpty() ? List.copyOf(types.keySet()) : known(index, step, d.columns(),
                    types);
            create(c, next, "SELECT * FROM " + table + " QUALIFY row_number() OVER (PARTITION BY "
                    + idents(keys) + " ORDER BY " + ROW + ") = 1");
            return 0;
        }
        if (step instanceof CurationStep.DropMissing d) {
            List<String> columns = d.columns();
            if (columns.isEmpty()) {
                if (label == null) {
                    throw new RecipeException(index, step.op(), null, "step " + index + " (dropMissing): name "
                            + "'columns'; the dataset has no label column to default to");
                }
                columns = List.of(label);
            }
            known(index, step, columns, types);
            create(c, next, "SELECT * FROM " + table + " WHERE " + String.join(" AND ",
                    columns.stream().map(n -> Sql.ident(n) + " IS NOT NULL").toList()));
            return 0;
        }
        if (step instanceof CurationStep.Impute m) {
            known(index, step, m.columns(), types);
            List<String> select = new ArrayList<>();
            List<Object> fills = new ArrayList<>();
            for (String name : m.columns()) {
                ColumnType type = types.get(name);
                if ((m.strategy() == CurationStep.Strategy.MEAN || m.strategy() == CurationStep.Strategy.MEDIAN)
                        && type != ColumnType.NUMERIC) {
                    throw wrongType(index, step, name, type, "a " + m.strategy().name().toLowerCase() + " needs a "
                            + "numeric column");
                }
                fills.add(fill(c, index, step, table, name, type, m));
            }
            Map<String, Object> recorded = new LinkedHashMap<>();
            for (int at = 0; at < m.columns().size(); at++) {
                recorded.put(m.columns().get(at), fills.get(at));
            }
            fitted.put("fills", recorded); // null for a column with no value to fit on: it stays missing
            long changed = 0;
            List<Object> parameters = new ArrayList<>();
            for (String name : types.keySet()) {
                int at = m.columns().indexOf(name);
                if (at < 0 || fills.get(at) == null) {
                    select.add(Sql.ident(name));
                } else {
                    parameters.add(fills.get(at));
                    changed += VersionWriter.queryLong(c, "SELECT count(*) FROM " + table + " WHERE "
                            + Sql.ident(name) + " IS NULL");
                    select.add("coalesce(" + Sql.ident(name) + ", CAST(? AS " + sqlType(types.get(name)) + ")) AS "
                            + Sql.ident(name));
                }
            }
            select.addAll(hidden);
            create(c, next, "SELECT " + String.join(", ", select) + " FROM " + table, parameters);
            return changed;
        }
        if (step instanceof CurationStep.Trim t) {
            textColumns(index, step, t.columns(), types);
            return rewrite(c, table, next, types, hidden, t.columns(), x -> "trim(" + x + ")");
        }
        if (step instanceof CurationStep.Case k) {
            textColumns(index, step, k.columns(), types);
            return rewrite(c, table, next, types, hidden, k.columns(),
                    x -> (k.upper() ? "upper(" : "lower(") + x + ")");
        }
        if (step instanceof CurationStep.Rename r) {
            known(index, step, List.copyOf(r.columns().keySet()), types);
            Map<String, ColumnType> renamed = new LinkedHashMap<>();
            List<String> select = new ArrayList<>();
            for (Map.Entry<String, ColumnType> e : types.entrySet()) {
                String to = r.columns().getOrDefault(e.getKey(), e.getKey());
                userName(index, step, to);
                if (renamed.put(to, e.getValue()) != null) {
                    throw new RecipeException(index, step.op(), to, "step " + index + " (rename): two columns would "
                            + "be named \"" + to + "\"");
                }
                select.add(Sql.ident(e.getKey()) + " AS " + Sql.ident(to));
            }
            select.addAll(hidden);
            create(c, next, "SELECT " + String.join(", ", select) + " FROM " + table);
            types.clear();
            types.putAll(renamed);
            return 0;
        }
        if (step instanceof CurationStep.Drop d) {
            known(index, step, d.columns(), types);
            if (d.columns().size() == types.size()) {
                throw new RecipeException(index, step.op(), null, "step " + index + " (drop): a version needs at "
                        + "least one column");
            }
            create(c, next, "SELECT * EXCLUDE (" + idents(d.columns()) + ") FROM " + table);
            d.columns().forEach(types::remove);
            return 0;
        }
        if (step instanceof CurationStep.Outliers o) {
            known(index, step, o.columns(), types);
            for (String name : o.columns()) {
                if (types.get(name) != ColumnType.NUMERIC) {
                    throw wrongType(index, step, name, types.get(name), "outliers are found in numeric columns");
                }
            }
            Map<String, double[]> bounds = new LinkedHashMap<>();
            for (String name : o.columns()) {
                double[] b = bounds(c, table, name, o);
                if (b != null) {
                    bounds.put(name, b);
                }
            }
            Map<String, Object> recorded = new LinkedHashMap<>();
            bounds.forEach((name, b) -> recorded.put(name, List.of(b[0], b[1])));
            fitted.put("bounds", recorded);
            if (o.clip()) {
                List<String> select = new ArrayList<>();
                List<Object> parameters = new ArrayList<>();
                long changed = 0;
                for (String name : types.keySet()) {
                    double[] b = bounds.get(name);
                    String x = Sql.ident(name);
                    if (b == null) {
                        select.add(x);
                        continue;
                    }
                    changed += count(c, "SELECT count(*) FROM " + table + " WHERE " + x + " < ? OR " + x + " > ?",
                            b[0], b[1]);
                    select.add("least(greatest(" + x + ", CAST(? AS DOUBLE)), CAST(? AS DOUBLE)) AS " + x);
                    parameters.add(b[0]);
                    parameters.add(b[1]);
                }
                select.addAll(hidden);
                create(c, next, "SELECT " + String.join(", ", select) + " FROM " + table, parameters);
                return changed;
            }
            List<String> keep = new ArrayList<>();
            List<Object> parameters = new ArrayList<>();
            bounds.forEach((name, b) -> {
                String x = Sql.ident(name);
                keep.add("(" + x + " IS NULL OR " + x + " BETWEEN CAST(? AS DOUBLE) AND CAST(? AS DOUBLE))");
                parameters.add(b[0]);
                parameters.add(b[1]);
            });
            create(c, next, "SELECT * FROM " + table + (keep.isEmpty() ? "" : " WHERE " + String.join(" AND ", keep)),
                    parameters);
            return 0;
        }
        if (step instanceof CurationStep.Filter f) {
            ColumnType type = check(index, step, f.expression(), types);
            if (type != ColumnType.BOOLEAN) {
                throw new RecipeException(index, step.op(), null, "step " + index + " (filter): the expression must "
                        + "be true or false on each row; \"" + f.expression().text() + "\" is "
                        + (type == null ? "always null" : type.name().toLowerCase(Locale.ROOT)));
            }
            ExpressionSql e = ExpressionSql.of(f.expression());
            create(c, next, "SELECT * FROM " + table + " WHERE " + e.sql(), e.parameters());
            return 0;
        }
        if (step instanceof CurationStep.Derive d) {
            newColumn(index, step, d.column(), types, true);
            ColumnType type = check(index, step, d.expression(), types);
            if (type == null) {
                throw new RecipeException(index, step.op(), d.column(), "step " + index + " (derive): the expression "
                        + "is always null, so column \"" + d.column() + "\" would have no type");
            }
            ExpressionSql e = ExpressionSql.of(d.expression());
            Map<String, String> select = plain(types);
            select.put(d.column(), "CAST(" + e.sql() + " AS " + sqlType(type) + ")");
            create(c, next, select(select, hidden, table), e.parameters());
            types.put(d.column(), type);
            return nonNull(c, next, List.of(d.column()));
        }
        if (step instanceof CurationStep.ParseDates p) {
            textColumns(index, step, p.columns(), types);
            List<Object> format = p.format() == null ? List.of() : List.of(p.format());
            if (p.format() != null) {
                try (PreparedStatement s = c.prepareStatement("SELECT try_strptime('', ?)")) {
                    s.setString(1, p.format());
                    s.executeQuery().close();
                } catch (SQLException e) {
                    throw new RecipeException(index, step.op(), null, "step " + index + " (parseDates): '"
                            + p.format() + "' is not a strptime format: " + e.getMessage().lines().findFirst()
                            .orElse(""));
                }
            }
            Map<String, String> select = plain(types);
            List<Object> parameters = new ArrayList<>();
            long changed = 0;
            for (String name : p.columns()) {
                String parsed = p.format() == null ? ExpressionSql.isoTimestamp(Sql.ident(name))
                        : "try_strptime(trim(" + Sql.ident(name) + "), ?)";
                requireDates(c, index, step, table, name, parsed, format, p.format());
                boolean timed = count(c, "SELECT count(*) FROM " + table + " WHERE CAST(" + parsed + " AS TIME) <> "
                        + "TIME '00:00:00'", format) > 0;
                String iso = "strftime(" + parsed + ", " + Sql.literal(timed ? "%Y-%m-%d %H:%M:%S" : "%Y-%m-%d") + ")";
                changed += count(c, "SELECT count(*) FROM " + table + " WHERE " + Sql.ident(name) + " <> " + iso,
                        format);
                select.put(name, iso);
                parameters.addAll(format);
            }
            create(c, next, select(select, hidden, table), parameters);
            return changed;
        }
        if (step instanceof CurationStep.DateParts d) {
            textColumns(index, step, List.of(d.column()), types);
            String parsed = ExpressionSql.isoTimestamp(Sql.ident(d.column()));
            requireDates(c, index, step, table, d.column(), parsed, List.of(), null);
            Map<String, String> select = plain(types);
            List<String> added = new ArrayList<>();
            for (CurationStep.DatePart part : d.parts()) {
                String name = d.column() + "_" + part.json();
                newColumn(index, step, name, types, false);
                String function = switch (part) {
                    case YEAR -> "year";
                    case MONTH -> "month";
                    case DAY -> "day";
                    case DAY_OF_WEEK -> "isodow"; // ISO: Monday 1 .. Sunday 7
                    case HOUR -> "hour";
                };
                select.put(name, "CAST(" + function + "(" + parsed + ") AS DOUBLE)");
                added.add(name);
            }
            create(c, next, select(select, hidden, table));
            added.forEach(name -> types.put(name, ColumnType.NUMERIC));
            return nonNull(c, next, added);
        }
        if (step instanceof CurationStep.Cast k) {
            known(index, step, List.copyOf(k.columns().keySet()), types);
            Map<String, String> select = plain(types);
            long changed = 0;
            for (Map.Entry<String, ColumnType> e : k.columns().entrySet()) {
                String name = e.getKey();
                ColumnType from = types.get(name);
                ColumnType to = e.getValue();
                if (from == to) {
                    continue;
                }
                String x = Sql.ident(name);
                String[] bad = firstRow(c, table, name, "NOT (" + castable(x, from, to) + ")", List.of());
                if (bad != null) {
                    throw new RecipeException(index, step.op(), name, "step " + index + " (cast): column \"" + name
                            + "\" cannot be " + to.name().toLowerCase(Locale.ROOT) + ": row " + bad[1] + " has \""
                            + bad[0] + "\"" + (to == ColumnType.BOOLEAN ? " (true or false are)" : ""));
                }
                select.put(name, cast(x, from, to));
                changed += nonNull(c, table, List.of(name));
            }
            create(c, next, select(select, hidden, table));
            types.putAll(k.columns());
            return changed;
        }
        if (step instanceof CurationStep.Bin b) {
            known(index, step, List.of(b.column()), types);
            if (types.get(b.column()) != ColumnType.NUMERIC) {
                throw wrongType(index, step, b.column(), types.get(b.column()), "bins are made of numbers");
            }
            newColumn(index, step, b.into(), types, false);
            double[] inner = innerEdges(c, index, b, table, hidden.contains(SPLIT));
            fitted.put("edges", java.util.Arrays.stream(inner).boxed().toList());
            fitted.put("fittedOn", hidden.contains(SPLIT) ? "train" : "all");
            String x = Sql.ident(b.column());
            StringBuilder bin = new StringBuilder("CASE WHEN " + x + " IS NULL THEN NULL ELSE CAST(0");
            List<Object> parameters = new ArrayList<>();
            for (double edge : inner) { // the number of inner edges at or below the value, as scikit-learn counts
                bin.append(" + CASE WHEN ").append(x).append(" >= CAST(? AS DOUBLE) THEN 1 ELSE 0 END");
                parameters.add(edge);
            }
            bin.append(" AS DOUBLE) END");
            Map<String, String> select = plain(types);
            select.put(b.into(), bin.toString());
            create(c, next, select(select, hidden, table), parameters);
            types.put(b.into(), ColumnType.NUMERIC);
            return nonNull(c, next, List.of(b.into()));
        }
        if (step instanceof CurationStep.Select s) {
            List<String> dropped = unselected(c, index, s, table, types, hidden.contains(SPLIT), label, fitted);
            create(c, next, dropped.isEmpty() ? "SELECT * FROM " + table
                    : "SELECT * EXCLUDE (" + idents(dropped) + ") FROM " + table);
            dropped.forEach(types::remove);
            return 0;
        }
        throw new IllegalStateException("no runner for " + step);
    }

    /** The seed of the sample a selection ranks on when there are more training rows than the ranker takes. */
    private static final long SELECT_SEED = 20_240_607L;

    /**
     * Ranks the feature columns of {@code table} against the label on its training rows (all rows without a split),
     * a hash sample of them when there are more than {@link FeatureRanker#rowCap} allows; answers the columns to drop.
     */
    private static List<String> unselected(Connection c, int index, CurationStep.Select s, String table,
                                       Map<String, ColumnType> types, boolean split, String datasetLabel,
                                       Map<String, Object> fitted) throws SQLException {
        String label = s.label() != null ? s.label() : datasetLabel;
        if (label == null) {
            throw new RecipeException(index, s.op(), null, "step " + index + " (select): name 'label'; the dataset "
                    + "has no label column to default to");
        }
        known(index, s, List.of(label), types);
        if (types.get(label) == ColumnType.NUMERIC) {
            throw wrongType(index, s, label, ColumnType.NUMERIC, "selection ranks against a classification label "
                    + "(a categorical or boolean column)");
        }
        List<String> features = types.keySet().stream().filter(n -> !n.equals(label)).toList();
        if (s.k() > features.size()) {
            throw new RecipeException(index, s.op(), null, "step " + index + " (select): 'k' is " + s.k()
                    + " but there are " + features.size() + " feature columns at this step");
        }
        String sample = table + "_sample";
        VersionWriter.execute(c, "CREATE TABLE " + sample + " AS SELECT * FROM " + table + " WHERE "
                + Sql.ident(label) + " IS NOT NULL" + (split ? " AND " + SPLIT + " = 'train'" : "") + " ORDER BY hash("
                + ROW + ", " + SELECT_SEED + "), " + ROW + " LIMIT " + FeatureRanker.rowCap(features.size()));
        try {
            List<String> labels = strings(c, sample, label);
            if (labels.isEmpty()) {
                throw new RecipeException(index, s.op(), label, "step " + index + " (select): no " + (split
                        ? "training " : "") + "row has a value in the label column \"" + label + "\"");
            }
            List<FeatureColumn> columns = new ArrayList<>(features.size());
            for (String name : features) {
                columns.add(types.get(name) == ColumnType.NUMERIC ? new FeatureColumn.Numeric(name, doubles(c, sample,
                        name)) : new FeatureColumn.Categorical(name, strings(c, sample, name)));
            }
            Ranking ranking = FeatureRanker.rank(labels, columns, s.method(), s.k());
            List<Map<String, Object>> kept = new ArrayList<>();
            List<String> keptNames = new ArrayList<>();
            for (FeatureScore f : ranking.features()) {
                kept.add(Map.of("name", f.name(), "score", f.score(), "rank", f.rank()));
                keptNames.add(f.name());
            }
            List<String> dropped = features.stream().filter(n -> !keptNames.contains(n)).toList();
            fitted.put("label", label);
            fitted.put("method", s.method().id());
            fitted.put("rows", ranking.rows());
            fitted.put("fittedOn", split ? "train" : "all");
            fitted.put("kept", kept);
            fitted.put("dropped", dropped);
            return dropped;
        } finally {
            VersionWriter.execute(c, "DROP TABLE IF EXISTS " + sample);
        }
    }

    private static double[] doubles(Connection c, String table, String column) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT CAST(" + Sql.ident(column) + " AS DOUBLE) FROM "
                + table); ResultSet r = s.executeQuery()) {
            double[] values = new double[1024];
            int n = 0;
            while (r.next()) {
                if (n == values.length) {
                    values = java.util.Arrays.copyOf(values, n * 2);
                }
                double v = r.getDouble(1);
                values[n++] = r.wasNull() ? Double.NaN : v;
            }
            return java.util.Arrays.copyOf(values, n);
        }
    }

    /** One column as text, one String per distinct value (the engine makes a new one per cell). */
    private static List<String> strings(Connection c, String table, String column) throws SQLException {
        Map<String, String> seen = new java.util.HashMap<>();
        List<String> values = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT CAST(" + Sql.ident(column) + " AS VARCHAR) FROM "
                + table); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                String v = r.getString(1);
                values.add(v == null ? null : seen.computeIfAbsent(v, x -> x));
            }
        }
        return values;
    }

    /** The fill value of an imputed column, as a parameter of the column's type; null when it has no values. */
    private static Object fill(Connection c, int index, CurationStep step, String table, String name, ColumnType type,
                               CurationStep.Impute m) throws SQLException {
        String x = Sql.ident(name);
        switch (m.strategy()) {
            case MEAN:
                return scalar(c, "SELECT avg(" + x + ") FROM " + table);
            case MEDIAN:
                return scalar(c, "SELECT quantile_cont(" + x + ", 0.5) FROM " + table);
            case MODE:
                // the most frequent value, ties to the smallest, so the same data always gives the same fill
                return scalar(c, "SELECT " + x + " FROM " + table + " WHERE " + x + " IS NOT NULL GROUP BY " + x
                        + " ORDER BY count(*) DESC, " + x + " LIMIT 1");
            default:
                String value = m.value();
                if (type == ColumnType.NUMERIC) {
                    Double number = Values.parseNumber(value);
                    if (number == null) {
                        throw wrongType(index, step, name, type, "the constant '" + value + "' is not a number");
                    }
                    return number;
                }
                if (type == ColumnType.BOOLEAN) {
                    Boolean bool = Values.parseBoolean(value);
                    if (bool == null) {
                        throw wrongType(index, step, name, type, "the constant '" + value + "' is not true or false");
                    }
                    return bool;
                }
                return value;
        }
    }

    /** [low, high] of an outlier step for one column; null for a column with no values. */
    private static double[] bounds(Connection c, String table, String name, CurationStep.Outliers o)
            throws SQLException {
        String x = Sql.ident(name);
        String sql = o.method() == CurationStep.OutlierMethod.IQR
                ? "SELECT quantile_cont(" + x + ", 0.25), quantile_cont(" + x + ", 0.75) FROM " + table
                : "SELECT avg(" + x + "), stddev_samp(" + x + ") FROM " + table;
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            if (r.getObject(1) == null || r.getObject(2) == null) {
                return null;
            }
            double a = r.getDouble(1);
            double b = r.getDouble(2);
            double k = o.threshold();
            return o.method() == CurationStep.OutlierMethod.IQR
                    ? new double[]{a - k * (b - a), b + k * (b - a)}
                    : new double[]{a - k * b, a + k * b};
        }
    }

    private interface Rewrite {
        String of(String column);
    }

    /** Rewrites text columns with {@code expression}; answers how many values it changed. */
    private static long rewrite(Connection c, String table, String next, Map<String, ColumnType> types,
                                List<String> hidden, List<String> columns, Rewrite expression) throws SQLException {
        List<String> select = new ArrayList<>();
        long changed = 0;
        for (String name : types.keySet()) {
            String x = Sql.ident(name);
            if (columns.contains(name)) {
                changed += VersionWriter.queryLong(c, "SELECT count(*) FROM " + table + " WHERE " + x + " <> "
                        + expression.of(x));
                select.add(expression.of(x) + " AS " + x);
            } else {
                select.add(x);
            }
        }
        select.addAll(hidden);
        create(c, next, "SELECT " + String.join(", ", select) + " FROM " + table);
        return changed;
    }

    /** The hidden columns {@code table} has, file order first. */
    private static List<String> hidden(Connection c, String table) throws SQLException {
        List<String> present = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM " + table + " LIMIT 0")) {
            java.sql.ResultSetMetaData meta = s.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                present.add(meta.getColumnName(i));
            }
        }
        return HIDDEN.stream().filter(present::contains).toList();
    }

    /** Refuses a new column name that is one of the working tables' own. */
    private static void userName(int index, CurationStep step, String name) {
        if (name.startsWith(HIDDEN_PREFIX)) {
            throw new RecipeException(index, step.op(), name, "step " + index + " (" + step.op() + "): a column "
                    + "may not be named \"" + name + "\": names starting with " + HIDDEN_PREFIX + " are Gyre's own");
        }
    }

    /**
     * Refuses a column a step adds when the table has one of that name: exactly ({@code replace} allows that one),
     * or in another case, which the engine would take for the same column (its names ignore case, quoted or not).
     */
    private static void newColumn(int index, CurationStep step, String name, Map<String, ColumnType> types,
                                  boolean replace) {
        userName(index, step, name);
        for (String existing : types.keySet()) {
            if (existing.equalsIgnoreCase(name) && !(replace && existing.equals(name))) {
                throw new RecipeException(index, step.op(), name, "step " + index + " (" + step.op() + "): there is "
                        + "already a column \"" + existing + "\"" + (existing.equals(name) ? ""
                        : " (names that differ only in case are one column)"));
            }
        }
    }

    /**
     * The inner edges of a bin step (bins − 1 of them; none when every value is the same, which puts all in bin 0),
     * fitted on the training rows when the table has a split, else on all.
     */
    private static double[] innerEdges(Connection c, int index, CurationStep.Bin b, String table, boolean split)
            throws SQLException {
        String x = Sql.ident(b.column());
        String rows = " FROM " + table + " WHERE " + x + " IS NOT NULL" + (split ? " AND " + SPLIT + " = 'train'" : "");
        double[] inner = new double[b.bins() - 1];
        if (b.method() == CurationStep.BinMethod.UNIFORM) {
            try (PreparedStatement s = c.prepareStatement("SELECT min(" + x + "), max(" + x + ")" + rows);
                 ResultSet r = s.executeQuery()) {
                r.next();
                if (r.getObject(1) == null) {
                    throw noValues(index, b, split);
                }
                double min = r.getDouble(1);
                double width = (r.getDouble(2) - min) / b.bins();
                if (width == 0) {
                    return new double[0];
                }
                for (int k = 1; k < b.bins(); k++) {
                    inner[k - 1] = min + k * width; // as numpy's linspace, which scikit-learn uses
                }
                return inner;
            }
        }
        List<String> quantiles = new ArrayList<>();
        for (int k = 1; k < b.bins(); k++) {
            quantiles.add("quantile_cont(" + x + ", " + ((double) k / b.bins()) + ")"); // our number, not the user's
        }
        try (PreparedStatement s = c.prepareStatement("SELECT count(*), min(" + x + "), max(" + x + "), "
                + String.join(", ", quantiles) + rows); ResultSet r = s.executeQuery()) {
            r.next();
            if (r.getLong(1) == 0) {
                throw noValues(index, b, split);
            }
            if (r.getDouble(2) == r.getDouble(3)) {
                return new double[0];
            }
            for (int k = 0; k < inner.length; k++) {
                inner[k] = r.getDouble(k + 4);
            }
            return inner;
        }
    }

    private static RecipeException noValues(int index, CurationStep.Bin b, boolean split) {
        return new RecipeException(index, b.op(), b.column(), "step " + index + " (bin): column \"" + b.column()
                + "\" has no values " + (split ? "on the training rows " : "") + "to fit bins on");
    }

    /** True for a non-null value of {@code x} that converts {@code from} → {@code to}. */
    private static String castable(String x, ColumnType from, ColumnType to) {
        if (from == ColumnType.CATEGORICAL && to == ColumnType.NUMERIC) {
            // the decimals Values.parseNumber accepts: no hex, no 'inf' or 'nan', finite
            return "(regexp_full_match(trim(" + x + "), '[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?') "
                    + "AND isfinite(TRY_CAST(trim(" + x + ") AS DOUBLE)))";
        }
        if (from == ColumnType.CATEGORICAL && to == ColumnType.BOOLEAN) {
            return "lower(trim(" + x + ")) IN ('true', 'false')";
        }
        if (from == ColumnType.NUMERIC && to == ColumnType.BOOLEAN) {
            return x + " IN (0, 1)";
        }
        return "TRUE"; // to text, and boolean to number, always convert
    }

    private static String cast(String x, ColumnType from, ColumnType to) {
        if (to == ColumnType.NUMERIC) {
            return from == ColumnType.BOOLEAN ? "CAST(" + x + " AS DOUBLE)" : "TRY_CAST(trim(" + x + ") AS DOUBLE)";
        }
        if (to == ColumnType.BOOLEAN) {
            return from == ColumnType.NUMERIC ? "(" + x + " = 1)" : "(lower(trim(" + x + ")) = 'true')";
        }
        if (from == ColumnType.NUMERIC) {
            return Sql.numberText(x); // 3, not 3.0
        }
        return "CAST(" + x + " AS VARCHAR)"; // true, false
    }

    /** Refuses a date step on a column with a present value {@code parsed} (its TIMESTAMP) makes nothing of. */
    private static void requireDates(Connection c, int index, CurationStep step, String table, String name,
                                     String parsed, List<Object> parameters, String format) throws SQLException {
        String[] bad = firstRow(c, table, name, parsed + " IS NULL", parameters);
        if (bad != null) {
            throw new RecipeException(index, step.op(), name, "step " + index + " (" + step.op() + "): column \""
                    + name + "\": row " + bad[1] + " has \"" + bad[0] + "\", which is not a date " + (format == null
                    ? "in ISO-8601 (2024-01-31, 2024-01-31T13:45:00)" : "in the format '" + format + "'"));
        }
    }

    /** The value of {@code name} and its row (1-based, in the parent's file order) of the first row where it is
     * present and {@code condition} holds; null when there is none. */
    private static String[] firstRow(Connection c, String table, String name, String condition,
                                     List<Object> parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT CAST(" + Sql.ident(name) + " AS VARCHAR), " + ROW
                + " FROM " + table + " WHERE " + Sql.ident(name) + " IS NOT NULL AND " + condition + " ORDER BY "
                + ROW + " LIMIT 1")) {
            bind(s, parameters);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new String[]{r.getString(1), Long.toString(r.getLong(2))} : null;
            }
        }
    }

    private static ColumnType check(int index, CurationStep step, Expression expression,
                                    Map<String, ColumnType> types) {
        try {
            return expression.check(types);
        } catch (ExpressionException e) {
            throw new RecipeException(index, step.op(), e.column(), "step " + index + " (" + step.op() + "): "
                    + "expression \"" + expression.text() + "\" " + e.getMessage());
        }
    }

    /** Each user column as itself, in order, for a step to replace or add some. */
    private static Map<String, String> plain(Map<String, ColumnType> types) {
        Map<String, String> select = new LinkedHashMap<>();
        types.keySet().forEach(name -> select.put(name, Sql.ident(name)));
        return select;
    }

    private static String select(Map<String, String> columns, List<String> hidden, String table) {
        List<String> select = new ArrayList<>();
        columns.forEach((name, sql) -> select.add(sql.equals(Sql.ident(name)) ? sql : sql + " AS " + Sql.ident(name)));
        select.addAll(hidden);
        return "SELECT " + String.join(", ", select) + " FROM " + table;
    }

    private static long nonNull(Connection c, String table, List<String> columns) throws SQLException {
        long n = 0;
        for (String name : columns) {
            n += VersionWriter.queryLong(c, "SELECT count(" + Sql.ident(name) + ") FROM " + table);
        }
        return n;
    }

    private static long count(Connection c, String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static void bind(PreparedStatement s, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            s.setObject(i + 1, parameters.get(i));
        }
    }

    private static List<String> known(int index, CurationStep step, List<String> columns,
                                      Map<String, ColumnType> types) {
        for (String name : columns) {
            if (!types.containsKey(name)) {
                throw new RecipeException(index, step.op(), name, "step " + index + " (" + step.op() + "): no column \""
                        + name + "\" at this step; the columns are " + String.join(", ", types.keySet()));
            }
        }
        return columns;
    }

    private static void textColumns(int index, CurationStep step, List<String> columns,
                                    Map<String, ColumnType> types) {
        known(index, step, columns, types);
        for (String name : columns) {
            if (types.get(name) != ColumnType.CATEGORICAL) {
                throw wrongType(index, step, name, types.get(name), step.op() + " applies to text columns");
            }
        }
    }

    private static RecipeException wrongType(int index, CurationStep step, String name, ColumnType type,
                                             String why) {
        return new RecipeException(index, step.op(), name, "step " + index + " (" + step.op() + "): column \"" + name
                + "\" is " + type.name().toLowerCase() + ": " + why);
    }

    private static String sqlType(ColumnType type) {
        return switch (type) {
            case NUMERIC -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case CATEGORICAL -> "VARCHAR";
        };
    }

    private static String idents(List<String> names) {
        return String.join(", ", names.stream().map(Sql::ident).toList());
    }

    private static void create(Connection c, String table, String select) throws SQLException {
        create(c, table, select, List.of());
    }

    private static void create(Connection c, String table, String select, List<Object> parameters)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("CREATE TABLE " + table + " AS " + select + " ORDER BY "
                + ROW)) {
            bind(s, parameters);
            s.execute();
        }
    }

    private static Object scalar(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            return r.next() ? r.getObject(1) : null;
        }
    }

    private static long count(Connection c, String sql, double low, double high) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setDouble(1, low);
            s.setDouble(2, high);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
