package dev.gyre.core.curate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.gyre.core.rank.RankingMethod;
import dev.gyre.core.table.ColumnType;

/** An ordered list of curation steps, parsed from a recipe's JSON form {@code {steps: [{op, ...}, ...]}}. */
public record Recipe(List<CurationStep> steps, Split split) {
    private static final Set<String> OPS = Set.of("dedupe", "dropMissing", "impute", "trim", "case", "rename", "drop",
            "outliers", "filter", "derive", "parseDates", "dateParts", "cast", "bin", "select");

    public Recipe {
        steps = List.copyOf(steps);
    }

    /** A recipe without a split. */
    public Recipe(List<CurationStep> steps) {
        this(steps, null);
    }

    /** The recipe a JSON object describes; a step that cannot be read is a {@link RecipeException} naming it. */
    public static Recipe parse(Map<String, ?> json) {
        if (json == null) {
            throw new RecipeException(null, null, null, "a recipe is needed: {recipe:{steps:[{op, ...}]}}");
        }
        for (String key : json.keySet()) {
            if (!key.equals("steps") && !key.equals("split")) {
                throw new RecipeException(null, null, null, "unknown recipe field '" + key + "'; a recipe has "
                        + "'steps' and 'split'");
            }
        }
        Split split = json.get("split") == null ? null : Split.parse(json.get("split"));
        Object steps = json.get("steps");
        if (split != null && steps == null) {
            steps = List.of();
        }
        if (!(steps instanceof List<?> list) || (list.isEmpty() && split == null)) {
            throw new RecipeException(null, null, null, "recipe.steps must be a non-empty list of {op, ...}");
        }
        List<CurationStep> parsed = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            parsed.add(step(i, list.get(i)));
        }
        return new Recipe(parsed, split);
    }

    private static CurationStep step(int index, Object json) {
        if (!(json instanceof Map<?, ?> map)) {
            throw new RecipeException(index, null, null, "step " + index + " must be an object {op, ...}");
        }
        Object op = map.get("op");
        if (!(op instanceof String name) || !OPS.contains(name)) {
            throw new RecipeException(index, op == null ? null : String.valueOf(op), null, "step " + index
                    + ": unknown op '" + op + "'; one of " + String.join(", ", OPS.stream().sorted().toList()));
        }
        Fields f = new Fields(index, name, map);
        CurationStep step = switch (name) {
            case "dedupe" -> new CurationStep.Dedupe(f.columns(false));
            case "dropMissing" -> new CurationStep.DropMissing(f.columns(false));
            case "impute" -> {
                CurationStep.Strategy strategy = f.choice("strategy", CurationStep.Strategy.class, null);
                String value = f.text("value");
                if ((strategy == CurationStep.Strategy.CONSTANT) != (value != null)) {
                    throw f.error(null, strategy == CurationStep.Strategy.CONSTANT
                            ? "strategy 'constant' needs a 'value'" : "'value' goes only with strategy 'constant'");
                }
                yield new CurationStep.Impute(f.columns(true), strategy, value);
            }
            case "trim" -> new CurationStep.Trim(f.columns(true));
            case "case" -> {
                String to = f.text("to");
                if (!"lower".equals(to) && !"upper".equals(to)) {
                    throw f.error(null, "'to' must be \"lower\" or \"upper\"");
                }
                yield new CurationStep.Case(f.columns(true), "upper".equals(to));
            }
            case "rename" -> new CurationStep.Rename(f.renames());
            case "drop" -> new CurationStep.Drop(f.columns(true));
            case "outliers" -> {
                CurationStep.OutlierMethod method = f.choice("method", CurationStep.OutlierMethod.class,
                        CurationStep.OutlierMethod.IQR);
                String action = f.text("action");
                if (action != null && !"clip".equals(action) && !"drop".equals(action)) {
                    throw f.error(null, "'action' must be \"clip\" or \"drop\"");
                }
                double threshold = f.number("threshold", method == CurationStep.OutlierMethod.IQR ? 1.5 : 3);
                if (!(threshold > 0) || Double.isInfinite(threshold)) {
                    throw f.error(null, "'threshold' must be a positive number");
                }
                yield new CurationStep.Outliers(f.columns(true), method, !"drop".equals(action), threshold);
            }
            case "filter" -> new CurationStep.Filter(f.expression());
            case "derive" -> new CurationStep.Derive(f.name("column"), f.expression());
            case "parseDates" -> {
                String format = f.text("format");
                if (format != null && !format.contains("%")) {
                    throw f.error(null, "'format' must be a strptime format such as \"%d/%m/%Y\"");
                }
                yield new CurationStep.ParseDates(f.columns(true), format);
            }
            case "dateParts" -> new CurationStep.DateParts(f.name("column"), f.parts());
            case "cast" -> new CurationStep.Cast(f.casts());
            case "bin" -> {
                String column = f.name("column");
                double bins = f.number("bins", Double.NaN);
                if (!(bins >= 2 && bins <= MAX_BINS) || bins != Math.rint(bins)) {
                    throw f.error(column, "'bins' must be a whole number from 2 to " + MAX_BINS);
                }
                CurationStep.BinMethod method = f.choice("method", CurationStep.BinMethod.class, null);
                String into = f.map.containsKey("into") ? f.name("into") : column + "_bin";
                yield new CurationStep.Bin(column, (int) bins, method, into);
            }
            case "select" -> {
                String label = f.text("label");
                String method = f.text("method");
                RankingMethod chosen = method == null ? RankingMethod.MRMR
                        : RankingMethod.of(method).orElseThrow(() -> f.error(null,
                        "'method' must be one of \"mim\", \"jmi\", \"cmim\", \"mrmr\""));
                double k = f.number("k", Double.NaN);
                if (!(k >= 1 && k <= MAX_SELECTED) || k != Math.rint(k)) {
                    throw f.error(null, "'k' must be a whole number from 1 to " + MAX_SELECTED
                            + ": how many feature columns to keep");
                }
                yield new CurationStep.Select(label, chosen, (int) k);
            }
            default -> throw new IllegalStateException(name);
        };
        f.refuseUnknown();
        return step;
    }

    /** More bins than this is a mistake in a recipe, not a binning. */
    static final int MAX_BINS = 1_000;
    /** More features than this are not a selection. */
    static final int MAX_SELECTED = 10_000;

    /** The fields of one step as they are read, so that a field no step reads is refused by name. */
    private static final class Fields {
        private final int index;
        private final String op;
        private final Map<?, ?> map;
        private final Set<Object> read = new java.util.HashSet<>(Set.of("op"));

        Fields(int index, String op, Map<?, ?> map) {
            this.index = index;
            this.op = op;
            this.map = map;
        }

        RecipeException error(String column, String message) {
            return new RecipeException(index, op, column, "step " + index + " (" + op + "): " + message);
        }

        List<String> columns(boolean required) {
            read.add("columns");
            Object value = map.get("columns");
            if (value == null) {
                if (required) {
                    throw error(null, "'columns' must name at least one column");
                }
                return List.of();
            }
            if (!(value instanceof List<?> list) || (required && list.isEmpty())) {
                throw error(null, "'columns' must be a list of column names");
            }
            List<String> names = new ArrayList<>();
            for (Object item : list) {
                if (!(item instanceof String s) || s.isEmpty()) {
                    throw error(null, "'columns' must be a list of column names");
                }
                if (names.contains(s)) {
                    throw error(s, "column \"" + s + "\" is named twice");
                }
                names.add(s);
            }
            return List.copyOf(names);
        }

        Map<String, String> renames() {
            read.add("columns");
            if (!(map.get("columns") instanceof Map<?, ?> given) || given.isEmpty()) {
                throw error(null, "'columns' must map old names to new ones: {\"old\": \"new\"}");
            }
            Map<String, String> renames = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : given.entrySet()) {
                if (!(e.getValue() instanceof String to) || to.isBlank()) {
                    throw error(String.valueOf(e.getKey()), "the new name of \"" + e.getKey() + "\" must be a "
                            + "non-blank text");
                }
                renames.put(String.valueOf(e.getKey()), to);
            }
            return java.util.Collections.unmodifiableMap(renames); // in the order given: part of the identity
        }

        /** A required column name. */
        String name(String field) {
            read.add(field);
            if (!(map.get(field) instanceof String s) || s.isBlank()) {
                throw error(null, "'" + field + "' must name a column");
            }
            return s;
        }

        Expression expression() {
            read.add("expression");
            if (!(map.get("expression") instanceof String text)) {
                throw error(null, "'expression' must be a text such as \"x > 0 and y != 'a'\"");
            }
            try {
                return Expression.parse(text);
            } catch (ExpressionException e) {
                throw error(e.column(), "expression \"" + text + "\" " + e.getMessage());
            }
        }

        List<CurationStep.DatePart> parts() {
            read.add("parts");
            List<String> names = java.util.Arrays.stream(CurationStep.DatePart.values())
                    .map(CurationStep.DatePart::json).toList();
            if (!(map.get("parts") instanceof List<?> list) || list.isEmpty()) {
                throw error(null, "'parts' must list some of " + String.join(", ", names));
            }
            List<CurationStep.DatePart> parts = new ArrayList<>();
            for (Object item : list) {
                int at = names.indexOf(item);
                if (at < 0) {
                    throw error(null, "unknown date part '" + item + "'; one of " + String.join(", ", names));
                }
                if (parts.contains(CurationStep.DatePart.values()[at])) {
                    throw error(null, "date part '" + item + "' is named twice");
                }
                parts.add(CurationStep.DatePart.values()[at]);
            }
            return List.copyOf(parts);
        }

        Map<String, ColumnType> casts() {
            read.add("columns");
            if (!(map.get("columns") instanceof Map<?, ?> given) || given.isEmpty()) {
                throw error(null, "'columns' must map names to types: {\"age\": \"numeric\"}");
            }
            Map<String, ColumnType> casts = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : given.entrySet()) {
                String column = String.valueOf(e.getKey());
                ColumnType type = null;
                for (ColumnType t : ColumnType.values()) {
                    if (t.name().toLowerCase(Locale.ROOT).equals(e.getValue())) {
                        type = t;
                    }
                }
                if (type == null) {
                    throw error(column, "the type of \"" + column + "\" must be \"numeric\", \"boolean\" or "
                            + "\"categorical\"");
                }
                casts.put(column, type);
            }
            return java.util.Collections.unmodifiableMap(casts);
        }

        String text(String name) {
            read.add(name);
            Object value = map.get(name);
            if (value == null) {
                return null;
            }
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                return String.valueOf(value);
            }
            throw error(null, "'" + name + "' must be a single value");
        }

        double number(String name, double otherwise) {
            read.add(name);
            Object value = map.get(name);
            if (value == null) {
                return otherwise;
            }
            if (!(value instanceof Number n)) {
                throw error(null, "'" + name + "' must be a number");
            }
            return n.doubleValue();
        }

        <E extends Enum<E>> E choice(String name, Class<E> type, E otherwise) {
            String value = text(name);
            if (value == null && otherwise != null) {
                return otherwise;
            }
            for (E e : type.getEnumConstants()) {
                if (e.name().toLowerCase(Locale.ROOT).equals(value)) {
                    return e;
                }
            }
            throw error(null, "'" + name + "' must be one of " + String.join(", ", java.util.Arrays.stream(
                    type.getEnumConstants()).map(e -> "\"" + e.name().toLowerCase(Locale.ROOT) + "\"").toList()));
        }

        void refuseUnknown() {
            for (Object key : map.keySet()) {
                if (!read.contains(key)) {
                    throw error(null, "unknown field '" + key + "'");
                }
            }
        }
    }
}
