package dev.gyre.core.ml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * The rule of one hyperparameter: its name, default and allowed values. {@link #resolve} turns a JSON value
 * (any {@link Number}, a String) into the parameter's Java type or says, naming the parameter, why it cannot.
 */
sealed interface ParamSpec {

    String name();

    /**
     * The value to train with: the default when {@code given} is null, else {@code given} as this parameter's
     * type (Integer, Double or String), checked against its range or choices.
     *
     * @throws IllegalArgumentException naming the parameter, its rule and the value
     */
    Object resolve(Object given);

    /** How the catalog shows this parameter. */
    Hyperparameter describe();

    /** A whole number in {@code [min, max]}; an integral double (JSON {@code 4.0}) is accepted. */
    record IntParam(String name, int defaultValue, int min, int max) implements ParamSpec {
        public IntParam {
            if (min > max || defaultValue < min || defaultValue > max) {
                throw new IllegalArgumentException(name + ": default " + defaultValue + " outside [" + min + ", " + max + "]");
            }
        }

        @Override
        public Integer resolve(Object value) {
            if (value == null) {
                return defaultValue;
            }
            Long whole = integral(value);
            if (whole == null) {
                throw invalid(name, value, "must be an integer");
            }
            if (whole < min || whole > max) {
                throw invalid(name, value, "must be in " + range());
            }
            return whole.intValue();
        }

        @Override
        public Hyperparameter describe() {
            return new Hyperparameter(name, "int", defaultValue, range());
        }

        private String range() {
            return "[" + min + ", " + max + "]";
        }

        // JSON gives Integer, Long, BigInteger, Double or BigDecimal; null for anything that is not a whole number
        private static Long integral(Object value) {
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                return ((Number) value).longValue();
            }
            if (value instanceof BigInteger b) {
                return b.bitLength() < 63 ? b.longValue() : null;
            }
            if (value instanceof BigDecimal b) {
                try {
                    return b.longValueExact();
                } catch (ArithmeticException e) {
                    return null;
                }
            }
            if (value instanceof Number n) {
                double d = n.doubleValue();
                return d == Math.rint(d) && Math.abs(d) < 1e15 ? (long) d : null;
            }
            return null;
        }
    }

    /** A finite number between two bounds, each inclusive or exclusive; {@link Bound#INFINITY} for none above. */
    record RealParam(String name, double defaultValue, Bound lower, Bound upper) implements ParamSpec {
        public RealParam {
            if (lower.excludes(defaultValue, true) || upper.excludes(defaultValue, false)) {
                throw new IllegalArgumentException(name + ": default " + defaultValue + " outside " + range(lower, upper));
            }
        }

        @Override
        public Double resolve(Object value) {
            if (value == null) {
                return defaultValue;
            }
            if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                throw invalid(name, value, "must be a number");
            }
            double v = n.doubleValue();
            if (lower.excludes(v, true) || upper.excludes(v, false)) {
                throw invalid(name, value, "must be in " + range(lower, upper));
            }
            return v;
        }

        @Override
        public Hyperparameter describe() {
            return new Hyperparameter(name, "double", defaultValue, range(lower, upper));
        }

        private static String range(Bound lower, Bound upper) {
            return (lower.inclusive() ? "[" : "(") + lower.format() + ", " + upper.format() + (upper.inclusive() ? "]" : ")");
        }
    }

    /** One of a fixed list of strings. */
    record ChoiceParam(String name, String defaultValue, List<String> choices) implements ParamSpec {
        public ChoiceParam {
            choices = List.copyOf(choices);
            if (!choices.contains(defaultValue)) {
                throw new IllegalArgumentException(name + ": default " + defaultValue + " is not one of " + choices);
            }
        }

        @Override
        public String resolve(Object value) {
            if (value == null) {
                return defaultValue;
            }
            if (!(value instanceof String s) || !choices.contains(s)) {
                throw invalid(name, value, "must be one of " + String.join("|", choices));
            }
            return s;
        }

        @Override
        public Hyperparameter describe() {
            return new Hyperparameter(name, "string", defaultValue, String.join("|", choices));
        }
    }

    /** One end of a real interval. */
    record Bound(double value, boolean inclusive) {
        /** No upper bound: shown as {@code inf)}. */
        static final Bound INFINITY = new Bound(Double.POSITIVE_INFINITY, false);

        static Bound inclusive(double value) {
            return new Bound(value, true);
        }

        static Bound exclusive(double value) {
            return new Bound(value, false);
        }

        boolean excludes(double v, boolean asLower) {
            if (asLower) {
                return inclusive ? v < value : v <= value;
            }
            return inclusive ? v > value : v >= value;
        }

        String format() {
            if (Double.isInfinite(value)) {
                return "inf";
            }
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
        }
    }

    private static IllegalArgumentException invalid(String name, Object value, String rule) {
        String shown = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        return new IllegalArgumentException("hyperparameter '" + name + "' " + rule + ", got " + shown);
    }
}
