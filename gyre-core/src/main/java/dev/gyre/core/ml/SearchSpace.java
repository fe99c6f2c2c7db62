package dev.gyre.core.ml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A candidate's hyperparameter search, as a job asks for it: {@code {type: "grid" | "random", trials?, seed?,
 * space: {param: [values] | {min, max, log?}}}}, or the older grid form {@code {param: [values]}}. A grid is every
 * combination of listed values; a random search draws {@code trials} points (10 unless given), uniformly from
 * each list and from each range (log-uniformly with {@code log: true}), integers for an integer parameter. A
 * random search over lists only draws points of the grid without repeating one. Points come in a fixed order
 * for the same space and seed: parameters sorted by name (JSON objects keep no order), the first one varying
 * slowest in a grid.
 */
public record SearchSpace(Kind kind, int trials, Long seed, Map<String, Axis> space) {
    public static final int DEFAULT_TRIALS = 10;
    public static final int MAX_TRIALS = 10_000;

    public enum Kind { GRID, RANDOM }

    /** The values one parameter may take. */
    public sealed interface Axis permits Choices, Range {
    }

    public record Choices(List<Object> values) implements Axis {
        public Choices {
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    public record Range(double min, double max, boolean log) implements Axis {
    }

    /** A search that cannot be run; {@code field} is relative to the search ({@code space.C}, {@code trials}). */
    public static final class Invalid extends IllegalArgumentException {
        private final String field;

        Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public SearchSpace {
        space = Collections.unmodifiableMap(new TreeMap<>(space));
    }

    /** Reads a search from its JSON form (maps, lists, numbers, strings, booleans). */
    public static SearchSpace parse(Map<String, ?> json) {
        if (json.isEmpty()) {
            throw new Invalid("", "the search is empty: give {type, space: {param: [values] | {min, max}}}");
        }
        if (!json.containsKey("space")) {
            return new SearchSpace(Kind.GRID, 0, null, axes(json, ""));
        }
        for (String key : json.keySet()) {
            if (!List.of("type", "trials", "seed", "space").contains(key)) {
                throw new Invalid(key, "unknown search field '" + key + "'; known: type, trials, seed, space");
            }
        }
        Object type = json.get("type");
        Kind kind;
        if (type == null || "grid".equals(type)) {
            kind = Kind.GRID;
        } else if ("random".equals(type)) {
            kind = Kind.RANDOM;
        } else {
            throw new Invalid("type", "type must be grid or random, got '" + type + "'");
        }
        Object trials = json.get("trials");
        int n = DEFAULT_TRIALS;
        if (trials != null) {
            if (kind == Kind.GRID) {
                throw new Invalid("trials", "trials is for a random search; a grid runs every combination");
            }
            if (!(trials instanceof Integer || trials instanceof Long) || ((Number) trials).longValue() < 1
                    || ((Number) trials).longValue() > MAX_TRIALS) {
                throw new Invalid("trials", "trials must be an integer in [1, " + MAX_TRIALS + "], got " + trials);
            }
            n = ((Number) trials).intValue();
        }
        Object seed = json.get("seed");
        if (seed != null && !(seed instanceof Integer || seed instanceof Long)) {
            throw new Invalid("seed", "seed must be an integer, got " + seed);
        }
        if (!(json.get("space") instanceof Map<?, ?> space) || space.isEmpty()) {
            throw new Invalid("space", "space must be a non-empty object {param: [values] | {min, max, log?}}");
        }
        @SuppressWarnings("unchecked")
        Map<String, Axis> axes = axes((Map<String, ?>) space, "space.");
        if (kind == Kind.GRID) {
            axes.forEach((name, axis) -> {
                if (axis instanceof Range) {
                    throw new Invalid("space." + name, "a grid needs a list of values for " + name
                            + "; a range {min, max} is for a random search");
                }
            });
        }
        return new SearchSpace(kind, kind == Kind.GRID ? 0 : n, seed == null ? null : ((Number) seed).longValue(), axes);
    }

    private static Map<String, Axis> axes(Map<String, ?> json, String prefix) {
        Map<String, Axis> axes = new TreeMap<>();
        json.forEach((name, value) -> axes.put(name, axis(value, prefix + name)));
        return axes;
    }

    private static Axis axis(Object value, String field) {
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                throw new Invalid(field, field + " must list at least one value");
            }
            return new Choices(new ArrayList<>(list));
        }
        if (value instanceof Map<?, ?> range) {
            for (Object key : range.keySet()) {
                if (!List.of("min", "max", "log").contains(key)) {
                    throw new Invalid(field, field + ": unknown range field '" + key + "'; known: min, max, log");
                }
            }
            double min = bound(range.get("min"), field + ".min");
            double max = bound(range.get("max"), field + ".max");
            Object log = range.get("log");
            if (log != null && !(log instanceof Boolean)) {
                throw new Invalid(field + ".log", field + ".log must be true or false");
            }
            if (!(min < max)) {
                throw new Invalid(field, field + ": min must be below max, got [" + min + ", " + max + "]");
            }
            if (Boolean.TRUE.equals(log) && min <= 0) {
                throw new Invalid(field + ".min", field + ": a log range needs min > 0, got " + min);
            }
            return new Range(min, max, Boolean.TRUE.equals(log));
        }
        throw new Invalid(field, field + " must be a list of values or a range {min, max, log?}");
    }

    private static double bound(Object value, String field) {
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            throw new Invalid(field, field + " must be a finite number, got " + value);
        }
        return number.doubleValue();
    }

    /** How many points {@link #points} gives. */
    public long size() {
        if (kind == Kind.RANDOM) {
            return allChoices() ? Math.min(trials, gridSize()) : trials;
        }
        return gridSize();
    }

    private long gridSize() {
        long size = 1;
        for (Axis axis : space.values()) {
            size = Math.min(size * (axis instanceof Choices c ? c.values().size() : 1), Integer.MAX_VALUE);
        }
        return size;
    }

    private boolean allChoices() {
        return space.values().stream().allMatch(a -> a instanceof Choices);
    }

    /**
     * The points of the search, each a parameter → value map.
     *
     * @param integer     whether a parameter takes integers (a range then gives whole numbers)
     * @param defaultSeed the seed of a random search that names none (the job's)
     */
    public List<Map<String, Object>> points(Predicate<String> integer, long defaultSeed) {
        if (kind == Kind.GRID) {
            return grid();
        }
        Random random = new Random(seed == null ? defaultSeed : seed);
        if (allChoices()) {
            List<Map<String, Object>> grid = new ArrayList<>(grid());
            Collections.shuffle(grid, random);
            return List.copyOf(grid.subList(0, (int) size()));
        }
        List<Map<String, Object>> points = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            Map<String, Object> point = new LinkedHashMap<>();
            space.forEach((name, axis) -> point.put(name, draw(axis, integer.test(name), random)));
            points.add(point);
        }
        return points;
    }

    private List<Map<String, Object>> grid() {
        List<Map<String, Object>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, Axis> axis : space.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> point : points) {
                for (Object value : ((Choices) axis.getValue()).values()) {
                    Map<String, Object> p = new LinkedHashMap<>(point);
                    p.put(axis.getKey(), value);
                    next.add(p);
                }
            }
            points = next;
        }
        return points;
    }

    private static Object draw(Axis axis, boolean integer, Random random) {
        if (axis instanceof Choices choices) {
            return choices.values().get(random.nextInt(choices.values().size()));
        }
        Range range = (Range) axis;
        double u = random.nextDouble();
        double value = range.log()
                ? Math.exp(Math.log(range.min()) + u * (Math.log(range.max()) - Math.log(range.min())))
                : range.min() + u * (range.max() - range.min());
        if (integer) {
            long whole = Math.round(value);
            return (int) Math.max(Math.ceil(range.min()), Math.min(Math.floor(range.max()), whole));
        }
        return value;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + " " + space;
    }
}
