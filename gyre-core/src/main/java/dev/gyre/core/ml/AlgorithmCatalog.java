package dev.gyre.core.ml;

import org.tribuo.Dataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.Entropy;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;
import org.tribuo.regression.slm.ElasticNetCDTrainer;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The algorithms Gyre can train, with their hyperparameters, and the factory of configured Tribuo
 * trainers. Immutable and thread-safe.
 */
public final class AlgorithmCatalog {
    /** XGBoost threads per training: the target machines have few cores and may train several jobs. */
    static final int XGBOOST_THREADS = 2;

    private final List<Entry> entries;

    public AlgorithmCatalog() {
        List<Entry> list = new ArrayList<>();
        Param epochs = Param.integer("epochs", 50, 1, 10_000);
        Param minibatch = Param.integer("minibatchSize", 1, 1, 10_000);
        Param treeDepth = Param.integer("maxDepth", 10, 1, 100);
        Param minChildWeight = Param.real("minChildWeight", 5.0, 0, false, null, false);
        Param numTrees = Param.integer("numTrees", 50, 1, 10_000);
        Param xgbDepth = Param.integer("maxDepth", 6, 1, 30);
        Param eta = Param.real("eta", 0.3, 0, true, 1.0, false);
        Param subsample = Param.real("subsample", 1.0, 0, true, 1.0, false);
        Param forestFraction = Param.real("fractionFeaturesInSplit", 0.5, 0, true, 1.0, true);

        list.add(new Entry(Task.CLASSIFICATION, "logistic-regression",
                "Multinomial logistic regression (Tribuo LinearSGDTrainer, log loss, AdaGrad) on standardized features",
                List.of(epochs, Param.real("learningRate", 0.1, 0, true, 100.0, false), minibatch),
                (p, seed) -> new StandardizingTrainer<>(new org.tribuo.classification.sgd.linear.LinearSGDTrainer(
                        new LogMulticlass(), new AdaGrad(p.dbl("learningRate"), 0.1),
                        p.integer("epochs"), -1, p.integer("minibatchSize"), seed))));
        list.add(new Entry(Task.CLASSIFICATION, "cart", "Classification tree (Tribuo CART)",
                List.of(treeDepth, minChildWeight, Param.real("fractionFeaturesInSplit", 1.0, 0, true, 1.0, false),
                        Param.choice("impurity", "gini", "gini", "entropy")),
                (p, seed) -> cartClassification(p, seed)));
        list.add(new Entry(Task.CLASSIFICATION, "random-forest",
                "Random forest of CART classification trees with majority voting",
                List.of(numTrees, treeDepth, minChildWeight, forestFraction,
                        Param.choice("impurity", "gini", "gini", "entropy")),
                (p, seed) -> new RandomForestTrainer<>(cartClassification(p, seed), new VotingCombiner(),
                        p.integer("numTrees"), seed)));
        list.add(new Entry(Task.CLASSIFICATION, "xgboost", "Gradient-boosted trees (XGBoost)",
                List.of(numTrees, xgbDepth, eta, subsample),
                (p, seed) -> new XGBoostClassificationTrainer(p.integer("numTrees"), p.dbl("eta"), 0.0,
                        p.integer("maxDepth"), 1.0, p.dbl("subsample"), 1.0, 1.0, 0.0, XGBOOST_THREADS, true, seed)));

        list.add(new Entry(Task.REGRESSION, "linear-regression",
                "Linear regression with an elastic-net penalty (Tribuo ElasticNetCDTrainer, coordinate descent)"
                        + " on standardized features; alpha and l1Ratio as in scikit-learn's ElasticNet fitted on"
                        + " a standardized target, so alpha does not depend on the target's units",
                List.of(Param.real("alpha", 0.01, 0, false, null, false),
                        Param.real("l1Ratio", 0.5, 0.01, false, 1.0, false),
                        Param.integer("maxIterations", 1000, 1, 100_000)),
                (p, seed) -> new StandardizingTrainer<>(data -> elasticNet(p, seed, targetStd(data)),
                        elasticNet(p, seed, 1.0))));
        list.add(new Entry(Task.REGRESSION, "cart", "Regression tree (Tribuo CART, mean squared error)",
                List.of(Param.integer("maxDepth", 6, 1, 100), minChildWeight,
                        Param.real("fractionFeaturesInSplit", 1.0, 0, true, 1.0, false)),
                (p, seed) -> cartRegression(p, seed)));
        list.add(new Entry(Task.REGRESSION, "random-forest", "Random forest of CART regression trees, averaged",
                List.of(numTrees, Param.integer("maxDepth", 6, 1, 100), minChildWeight, forestFraction),
                (p, seed) -> new RandomForestTrainer<>(cartRegression(p, seed), new AveragingCombiner(),
                        p.integer("numTrees"), seed)));
        list.add(new Entry(Task.REGRESSION, "xgboost", "Gradient-boosted trees (XGBoost, squared error)",
                List.of(numTrees, xgbDepth, eta, subsample),
                (p, seed) -> new XGBoostRegressionTrainer(XGBoostRegressionTrainer.RegressionType.LINEAR,
                        p.integer("numTrees"), p.dbl("eta"), 0.0, p.integer("maxDepth"), 1.0, p.dbl("subsample"),
                        1.0, 1.0, 0.0, XGBOOST_THREADS, true, seed)));
        this.entries = List.copyOf(list);
    }

    private static CARTClassificationTrainer cartClassification(Values p, long seed) {
        return new CARTClassificationTrainer(p.integer("maxDepth"), (float) p.dbl("minChildWeight"), 0f,
                (float) p.dbl("fractionFeaturesInSplit"), false,
                p.string("impurity").equals("entropy") ? new Entropy() : new GiniIndex(), seed);
    }

    /**
     * Tribuo's elastic net minimizes {@code ||y - Xw||^2 / 2n + a * r * |w|_1 + a * (1 - r) / 2 * ||w||^2} on
     * the raw target: the L1 term scales with the target's units and the L2 term does not. The penalties of
     * the same problem on the standardized target {@code y / s} are, after multiplying the objective by
     * {@code s^2}, {@code alpha * l1Ratio * s} (L1) and {@code alpha * (1 - l1Ratio)} (L2): converted here
     * into Tribuo's (alpha, l1Ratio) pair, so that the weights are those of the standardized fit, times s.
     */
    private static Trainer<Regressor> elasticNet(Values p, long seed, double targetStd) {
        double l1 = p.dbl("alpha") * p.dbl("l1Ratio") * targetStd;
        double l2 = p.dbl("alpha") * (1 - p.dbl("l1Ratio"));
        double alpha = l1 + l2;
        // Tribuo rejects an l1Ratio under 1e-12; the floor only matters for a target with a std under ~1e-7
        double l1Ratio = alpha > 0 ? Math.max(l1 / alpha, 1e-9) : 1.0;
        return new MeanIfEmptyTrainer(new ElasticNetCDTrainer(alpha, l1Ratio, 1e-4, p.integer("maxIterations"),
                false, seed));
    }

    // The target's sample standard deviation (1 for a constant target), for the elastic net's penalties.
    private static double targetStd(Dataset<Regressor> data) {
        double sum = 0;
        double sumSquares = 0;
        int n = 0;
        for (var example : data) {
            double y = example.getOutput().getValues()[0];
            sum += y;
            sumSquares += y * y;
            n++;
        }
        double variance = n > 1 ? (sumSquares - sum * sum / n) / (n - 1) : 0;
        return variance > 0 && Double.isFinite(variance) ? Math.sqrt(variance) : 1.0;
    }

    private static CARTRegressionTrainer cartRegression(Values p, long seed) {
        return new CARTRegressionTrainer(p.integer("maxDepth"), (float) p.dbl("minChildWeight"), 0f,
                (float) p.dbl("fractionFeaturesInSplit"), false, new MeanSquaredError(), seed);
    }

    /** Every algorithm, classification first. */
    public List<Algorithm> all() {
        return entries.stream().map(Entry::algorithm).toList();
    }

    public Optional<Algorithm> find(Task task, String name) {
        return entry(task, name).map(Entry::algorithm);
    }

    /**
     * The parameters that {@link #trainer} would use: {@code params} validated, with defaults filled in,
     * in catalog order (suitable for recording a run).
     *
     * @throws IllegalArgumentException for an unknown algorithm, an unknown parameter, a value of the
     *                                  wrong type or out of range; the message names the parameter
     */
    public Map<String, Object> resolve(Task task, String name, Map<String, ?> params) {
        return resolveValues(require(task, name), params).map;
    }

    /**
     * A configured trainer: {@code Trainer<Label>} for classification, {@code Trainer<Regressor>} for
     * regression. Numbers may be any {@link Number} (JSON gives Integer, Long, Double); an integral
     * double is accepted for an int parameter.
     *
     * @throws IllegalArgumentException as {@link #resolve}
     */
    public Trainer<?> trainer(Task task, String name, Map<String, ?> params, long seed) {
        Entry entry = require(task, name);
        return entry.factory.create(resolveValues(entry, params), seed);
    }

    private Entry require(Task task, String name) {
        return entry(task, name).orElseThrow(() -> new IllegalArgumentException("unknown " + task.json()
                + " algorithm '" + name + "'; known: " + entries.stream().filter(e -> e.task == task)
                .map(e -> e.name).toList()));
    }

    private Optional<Entry> entry(Task task, String name) {
        return entries.stream().filter(e -> e.task == task && e.name.equals(name)).findFirst();
    }

    private static Values resolveValues(Entry entry, Map<String, ?> params) {
        Map<String, ?> given = params == null ? Map.of() : params;
        TreeSet<String> unknown = new TreeSet<>(given.keySet());
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param param : entry.params) {
            unknown.remove(param.name);
            Object value = given.get(param.name);
            values.put(param.name, value == null ? param.defaultValue : param.coerce(value));
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown hyperparameter '" + unknown.first() + "' for "
                    + entry.name + "; known: " + entry.params.stream().map(Param::name).toList());
        }
        return new Values(values);
    }

    private interface Factory {
        Trainer<?> create(Values params, long seed);
    }

    private record Values(Map<String, Object> map) {
        int integer(String name) {
            return (Integer) map.get(name);
        }

        double dbl(String name) {
            return (Double) map.get(name);
        }

        String string(String name) {
            return (String) map.get(name);
        }
    }

    private record Entry(Task task, String name, String description, List<Param> params, Factory factory) {
        Algorithm algorithm() {
            return new Algorithm(name, task, description, params.stream().map(Param::describe).toList());
        }
    }

    /** A parameter's rule: a numeric interval (null bound = unbounded) or a set of choices. */
    private record Param(String name, String type, Object defaultValue, Double min, boolean minOpen,
                         Double max, boolean maxOpen, List<String> choices) {

        static Param integer(String name, int defaultValue, int min, int max) {
            return new Param(name, "int", defaultValue, (double) min, false, (double) max, false, List.of());
        }

        static Param real(String name, double defaultValue, double min, boolean minOpen, Double max, boolean maxOpen) {
            return new Param(name, "double", defaultValue, min, minOpen, max, maxOpen, List.of());
        }

        static Param choice(String name, String defaultValue, String... choices) {
            return new Param(name, "string", defaultValue, null, false, null, false, List.of(choices));
        }

        Hyperparameter describe() {
            String range = type.equals("string") ? String.join("|", choices)
                    : (minOpen ? "(" : "[") + format(min) + ", "
                    + (max == null ? "inf)" : format(max) + (maxOpen ? ")" : "]"));
            return new Hyperparameter(name, type, defaultValue, range);
        }

        private String format(double bound) {
            return type.equals("int") || bound == Math.rint(bound) && Math.abs(bound) < 1e15
                    ? Long.toString((long) bound) : Double.toString(bound);
        }

        Object coerce(Object value) {
            switch (type) {
                case "string" -> {
                    if (!(value instanceof String s) || !choices.contains(s)) {
                        throw error(value, "must be one of " + String.join("|", choices));
                    }
                    return s;
                }
                case "int" -> {
                    Long whole = integral(value);
                    if (whole == null) {
                        throw error(value, "must be an integer");
                    }
                    checkRange(value, whole);
                    return whole.intValue();
                }
                default -> {
                    if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                        throw error(value, "must be a number");
                    }
                    checkRange(value, n.doubleValue());
                    return n.doubleValue();
                }
            }
        }

        private void checkRange(Object value, double v) {
            boolean tooLow = min != null && (minOpen ? v <= min : v < min);
            boolean tooHigh = max != null && (maxOpen ? v >= max : v > max);
            if (tooLow || tooHigh) {
                throw error(value, "must be in " + describe().range());
            }
        }

        private static Long integral(Object value) {
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                return ((Number) value).longValue();
            }
            if (value instanceof BigInteger b) {
                return b.bitLength() < 63 ? b.longValue() : null;
            }
            if (value instanceof Number n && !(value instanceof BigDecimal)) {
                double d = n.doubleValue();
                return d == Math.rint(d) && Math.abs(d) < 1e15 ? (long) d : null;
            }
            if (value instanceof BigDecimal b) {
                try {
                    return b.longValueExact();
                } catch (ArithmeticException e) {
                    return null;
                }
            }
            return null;
        }

        private IllegalArgumentException error(Object value, String rule) {
            String shown = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
            return new IllegalArgumentException("hyperparameter '" + name + "' " + rule + ", got " + shown);
        }
    }
}
