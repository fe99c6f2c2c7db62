package dev.gyre.core.ml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import dev.gyre.core.ml.ParamSpec.Bound;
import dev.gyre.core.ml.ParamSpec.ChoiceParam;
import dev.gyre.core.ml.ParamSpec.IntParam;
import dev.gyre.core.ml.ParamSpec.RealParam;
import org.tribuo.Dataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.Entropy;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.libsvm.LibSVMClassificationTrainer;
import org.tribuo.classification.libsvm.SVMClassificationType;
import org.tribuo.classification.sgd.fm.FMClassificationTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.common.nearest.KNNModel;
import org.tribuo.common.nearest.KNNTrainer;
import org.tribuo.common.tree.ExtraTreesTrainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

import static dev.gyre.core.ml.ParamSpec.Bound.exclusive;
import static dev.gyre.core.ml.ParamSpec.Bound.inclusive;

/**
 * The algorithms Gyre can train, with their hyperparameters, and the factory of configured Tribuo
 * trainers. Immutable and thread-safe.
 */
public final class AlgorithmCatalog {
    /** XGBoost threads per training unless configured: the target machines have few cores and may train several jobs. */
    public static final int DEFAULT_XGBOOST_THREADS = 2;

    // shared by several algorithms; each entry lists its own in the order the catalog shows them
    private static final IntParam NUM_TREES = new IntParam("numTrees", 50, 1, 10_000);
    private static final IntParam TREE_DEPTH = new IntParam("maxDepth", 10, 1, 100);
    private static final IntParam REGRESSION_TREE_DEPTH = new IntParam("maxDepth", 6, 1, 100);
    private static final IntParam XGBOOST_DEPTH = new IntParam("maxDepth", 6, 1, 30);
    private static final RealParam MIN_CHILD_WEIGHT = new RealParam("minChildWeight", 5.0, inclusive(0), Bound.INFINITY);
    private static final RealParam TREE_FRACTION =
            new RealParam("fractionFeaturesInSplit", 1.0, exclusive(0), inclusive(1));
    private static final RealParam FOREST_FRACTION =
            new RealParam("fractionFeaturesInSplit", 0.5, exclusive(0), exclusive(1));
    private static final RealParam EXTRA_TREES_FRACTION =
            new RealParam("fractionFeaturesInSplit", 0.5, exclusive(0), inclusive(1));
    // classification forests as scikit-learn grows them: sqrt(features) per split (0 here), deep trees, small leaves
    private static final RealParam CLASSIFICATION_FOREST_FRACTION =
            new RealParam("fractionFeaturesInSplit", 0.0, inclusive(0), exclusive(1));
    private static final RealParam CLASSIFICATION_EXTRA_TREES_FRACTION =
            new RealParam("fractionFeaturesInSplit", 0.0, inclusive(0), inclusive(1));
    private static final IntParam FOREST_DEPTH = new IntParam("maxDepth", 30, 1, 100);
    private static final RealParam FOREST_MIN_CHILD_WEIGHT =
            new RealParam("minChildWeight", 1.0, inclusive(0), Bound.INFINITY);
    private static final ChoiceParam IMPURITY = new ChoiceParam("impurity", "gini", List.of("gini", "entropy"));
    private static final RealParam ETA = new RealParam("eta", 0.3, exclusive(0), inclusive(1));
    private static final RealParam SUBSAMPLE = new RealParam("subsample", 1.0, exclusive(0), inclusive(1));

    private static final IntParam EPOCHS = new IntParam("epochs", 50, 1, 10_000);
    private static final RealParam LEARNING_RATE = new RealParam("learningRate", 0.1, exclusive(0), inclusive(100));
    private static final IntParam MINIBATCH = new IntParam("minibatchSize", 1, 1, 10_000);
    private static final IntParam FACTORS = new IntParam("factors", 8, 1, 1_000);

    // C as scikit-learn's SVC takes it: the inverse of the penalty's strength
    private static final RealParam C = new RealParam("C", 1.0, exclusive(0), inclusive(1e6));
    private static final ChoiceParam KERNEL = new ChoiceParam("kernel", "rbf", List.of("rbf", "linear", "poly", "sigmoid"));
    private static final RealParam GAMMA = new RealParam("gamma", 0.0, inclusive(0), Bound.INFINITY);
    private static final IntParam DEGREE = new IntParam("degree", 3, 1, 10);
    private static final IntParam NEIGHBOURS = new IntParam("k", 5, 1, 1_000);
    private static final ChoiceParam DISTANCE = new ChoiceParam("distance", "l2", List.of("l2", "l1", "cosine"));

    private static final RealParam ALPHA = new RealParam("alpha", 0.01, inclusive(0), Bound.INFINITY);
    private static final RealParam L1_RATIO = new RealParam("l1Ratio", 0.5, inclusive(0.01), inclusive(1));
    private static final IntParam MAX_ITERATIONS = new IntParam("maxIterations", 1000, 1, 100_000);

    /*
     * Complexity ranks break ties between runs with the same score: the simpler model wins (fewer parameters,
     * easier to explain, cheaper to serve). 1 linear, 2 one tree or the training rows themselves, 3 kernel and
     * factorization models, 4 ensembles.
     */
    private static final int LINEAR = 1;
    private static final int SINGLE = 2;
    private static final int KERNEL_MODEL = 3;
    private static final int ENSEMBLE = 4;

    static {
        // LibSVM prints its optimiser's progress to standard output, once per fit
        libsvm.svm.svm_set_print_string_function(message -> { });
    }

    private final List<Entry> entries;

    /** The catalog with {@link #DEFAULT_XGBOOST_THREADS} threads per XGBoost training. */
    public AlgorithmCatalog() {
        this(DEFAULT_XGBOOST_THREADS);
    }

    /** @param xgboostThreads threads one XGBoost training uses, at least 1 */
    public AlgorithmCatalog(int xgboostThreads) {
        if (xgboostThreads < 1) {
            throw new IllegalArgumentException("XGBoost needs at least 1 thread, got " + xgboostThreads);
        }
        List<Entry> list = new ArrayList<>();
        list.add(new Entry(Task.CLASSIFICATION, "logistic-regression", LINEAR,
                "Multinomial logistic regression without a penalty (Tribuo LinearSGDTrainer, log loss, AdaGrad)"
                        + " on standardized features",
                List.of(EPOCHS, LEARNING_RATE, MINIBATCH),
                (v, seed) -> new StandardizingTrainer<>(new LinearSGDTrainer(new LogMulticlass(),
                        new AdaGrad(v.get(LEARNING_RATE), 0.1), v.get(EPOCHS), -1, v.get(MINIBATCH), seed))));
        list.add(new Entry(Task.CLASSIFICATION, "linear-svm", LINEAR,
                "Linear support vector machine (LibSVM C-SVC with a linear kernel, one-vs-one) on standardized features",
                List.of(C),
                (v, seed) -> new StandardizingTrainer<>(new LibSVMClassificationTrainer(linearSvc(v.get(C)), seed))));
        list.add(new Entry(Task.CLASSIFICATION, "svm", KERNEL_MODEL,
                "Kernel support vector machine (LibSVM C-SVC, one-vs-one) on standardized features; gamma 0 means"
                        + " scikit-learn's 'scale', 1 / number of features",
                List.of(C, KERNEL, GAMMA, DEGREE),
                (v, seed) -> new StandardizingTrainer<Label>(data -> {
                    SVMParameters<Label> p = svmParameters(new SVMClassificationType(SVMClassificationType.SVMMode.C_SVC),
                            v, data);
                    return new LibSVMClassificationTrainer(p, seed);
                }, new LibSVMClassificationTrainer(svmParameters(
                        new SVMClassificationType(SVMClassificationType.SVMMode.C_SVC), v, null), seed))));
        list.add(new Entry(Task.CLASSIFICATION, "knn", SINGLE,
                "k nearest neighbours, majority vote, on standardized features (the model keeps the training rows)",
                List.of(NEIGHBOURS, DISTANCE),
                (v, seed) -> new StandardizingTrainer<>(new KNNTrainer<>(v.get(NEIGHBOURS), distance(v), 1,
                        new VotingCombiner(), KNNModel.Backend.STREAMS))));
        list.add(new Entry(Task.CLASSIFICATION, "cart", SINGLE, "Classification tree (Tribuo CART)",
                List.of(TREE_DEPTH, MIN_CHILD_WEIGHT, TREE_FRACTION, IMPURITY),
                (v, seed) -> cartClassification(v, TREE_FRACTION, false, seed)));
        list.add(new Entry(Task.CLASSIFICATION, "random-forest", ENSEMBLE,
                "Random forest of CART classification trees with majority voting; fractionFeaturesInSplit 0 means"
                        + " scikit-learn's 'sqrt', the square root of the number of features",
                List.of(NUM_TREES, FOREST_DEPTH, FOREST_MIN_CHILD_WEIGHT, CLASSIFICATION_FOREST_FRACTION, IMPURITY),
                (v, seed) -> new PerDatasetTrainer<Label>(data -> new RandomForestTrainer<>(
                        cartClassification(v, sqrtIfZero(v.get(CLASSIFICATION_FOREST_FRACTION), data, 0.99), false, seed),
                        new VotingCombiner(), v.get(NUM_TREES), seed),
                        new RandomForestTrainer<>(cartClassification(v, 0.5, false, seed), new VotingCombiner(),
                                v.get(NUM_TREES), seed))));
        list.add(new Entry(Task.CLASSIFICATION, "extra-trees", ENSEMBLE,
                "Extremely randomized trees: CART trees on random split points, majority voting;"
                        + " fractionFeaturesInSplit 0 means the square root of the number of features",
                List.of(NUM_TREES, FOREST_DEPTH, FOREST_MIN_CHILD_WEIGHT, CLASSIFICATION_EXTRA_TREES_FRACTION, IMPURITY),
                (v, seed) -> new PerDatasetTrainer<Label>(data -> new ExtraTreesTrainer<>(
                        cartClassification(v, sqrtIfZero(v.get(CLASSIFICATION_EXTRA_TREES_FRACTION), data, 1.0), true, seed),
                        new VotingCombiner(), v.get(NUM_TREES), seed),
                        new ExtraTreesTrainer<>(cartClassification(v, 0.5, true, seed), new VotingCombiner(),
                                v.get(NUM_TREES), seed))));
        list.add(new Entry(Task.CLASSIFICATION, "xgboost", ENSEMBLE, "Gradient-boosted trees (XGBoost)",
                List.of(NUM_TREES, XGBOOST_DEPTH, ETA, SUBSAMPLE),
                (v, seed) -> new XGBoostClassificationTrainer(v.get(NUM_TREES), v.get(ETA), 0.0, v.get(XGBOOST_DEPTH),
                        1.0, v.get(SUBSAMPLE), 1.0, 1.0, 0.0, xgboostThreads, true, seed)));
        list.add(new Entry(Task.CLASSIFICATION, "factorization-machine", KERNEL_MODEL,
                "Factorization machine with pairwise feature interactions (Tribuo FM, log loss, AdaGrad)"
                        + " on standardized features",
                List.of(FACTORS, EPOCHS, LEARNING_RATE, MINIBATCH),
                (v, seed) -> new StandardizingTrainer<>(new FMClassificationTrainer(new LogMulticlass(),
                        new AdaGrad(v.get(LEARNING_RATE), 0.1), v.get(EPOCHS), -1, v.get(MINIBATCH), seed,
                        v.get(FACTORS), 0.1))));

        list.add(new Entry(Task.REGRESSION, "linear-regression", LINEAR,
                "Linear regression with an elastic-net penalty (Tribuo ElasticNetCDTrainer, coordinate descent)"
                        + " on standardized features; alpha and l1Ratio as in scikit-learn's ElasticNet fitted on"
                        + " a standardized target, so alpha does not depend on the target's units",
                List.of(ALPHA, L1_RATIO, MAX_ITERATIONS),
                (v, seed) -> new ElasticNet(v.get(ALPHA), v.get(L1_RATIO), v.get(MAX_ITERATIONS)).trainer(seed)));
        list.add(new Entry(Task.REGRESSION, "knn", SINGLE,
                "k nearest neighbours, mean of their targets, on standardized features (the model keeps the training rows)",
                List.of(NEIGHBOURS, DISTANCE),
                (v, seed) -> new StandardizingTrainer<>(new KNNTrainer<>(v.get(NEIGHBOURS), distance(v), 1,
                        new AveragingCombiner(), KNNModel.Backend.STREAMS))));
        list.add(new Entry(Task.REGRESSION, "cart", SINGLE, "Regression tree (Tribuo CART, mean squared error)",
                List.of(REGRESSION_TREE_DEPTH, MIN_CHILD_WEIGHT, TREE_FRACTION),
                (v, seed) -> cartRegression(v, TREE_FRACTION, false, seed)));
        list.add(new Entry(Task.REGRESSION, "random-forest", ENSEMBLE, "Random forest of CART regression trees, averaged",
                List.of(NUM_TREES, REGRESSION_TREE_DEPTH, MIN_CHILD_WEIGHT, FOREST_FRACTION),
                (v, seed) -> new RandomForestTrainer<>(cartRegression(v, FOREST_FRACTION, false, seed),
                        new AveragingCombiner(), v.get(NUM_TREES), seed)));
        list.add(new Entry(Task.REGRESSION, "extra-trees", ENSEMBLE,
                "Extremely randomized regression trees: CART trees on random split points, averaged",
                List.of(NUM_TREES, REGRESSION_TREE_DEPTH, MIN_CHILD_WEIGHT, EXTRA_TREES_FRACTION),
                (v, seed) -> new ExtraTreesTrainer<>(cartRegression(v, EXTRA_TREES_FRACTION, true, seed),
                        new AveragingCombiner(), v.get(NUM_TREES), seed)));
        list.add(new Entry(Task.REGRESSION, "xgboost", ENSEMBLE, "Gradient-boosted trees (XGBoost, squared error)",
                List.of(NUM_TREES, XGBOOST_DEPTH, ETA, SUBSAMPLE),
                (v, seed) -> new XGBoostRegressionTrainer(XGBoostRegressionTrainer.RegressionType.LINEAR,
                        v.get(NUM_TREES), v.get(ETA), 0.0, v.get(XGBOOST_DEPTH), 1.0, v.get(SUBSAMPLE),
                        1.0, 1.0, 0.0, xgboostThreads, true, seed)));
        this.entries = List.copyOf(list);
    }

    private static CARTClassificationTrainer cartClassification(Values v, RealParam fraction, boolean randomSplits,
                                                                long seed) {
        return cartClassification(v, v.get(fraction), randomSplits, seed);
    }

    private static CARTClassificationTrainer cartClassification(Values v, double fraction, boolean randomSplits,
                                                                long seed) {
        return new CARTClassificationTrainer(v.get(TREE_DEPTH), (float) v.get(MIN_CHILD_WEIGHT), 0f,
                (float) fraction, randomSplits, v.get(IMPURITY).equals("entropy") ? new Entropy() : new GiniIndex(),
                seed);
    }

    /** {@code fraction}, or when it is 0 the share of {@code data}'s features that makes sqrt(features), at most {@code max}. */
    private static double sqrtIfZero(double fraction, Dataset<?> data, double max) {
        if (fraction > 0) {
            return fraction;
        }
        int features = Math.max(1, data.getFeatureMap().size());
        return Math.min(max, Math.sqrt(features) / features);
    }

    private static CARTRegressionTrainer cartRegression(Values v, RealParam fraction, boolean randomSplits, long seed) {
        return new CARTRegressionTrainer(v.get(REGRESSION_TREE_DEPTH), (float) v.get(MIN_CHILD_WEIGHT), 0f,
                (float) v.get(fraction), randomSplits, new MeanSquaredError(), seed);
    }

    private static KNNTrainer.Distance distance(Values v) {
        return KNNTrainer.Distance.valueOf(v.get(DISTANCE).toUpperCase(java.util.Locale.ROOT));
    }

    private static SVMParameters<Label> linearSvc(double cost) {
        SVMParameters<Label> p = new SVMParameters<>(new SVMClassificationType(SVMClassificationType.SVMMode.C_SVC),
                KernelType.LINEAR);
        p.setCost(cost);
        return p;
    }

    /** LibSVM's parameters; gamma 0 becomes 1 / the features of {@code data} (none yet: the catalog's description). */
    private static <T extends org.tribuo.Output<T>> SVMParameters<T> svmParameters(
            org.tribuo.common.libsvm.SVMType<T> type, Values v, Dataset<T> data) {
        SVMParameters<T> p = new SVMParameters<>(type,
                KernelType.valueOf(v.get(KERNEL).toUpperCase(java.util.Locale.ROOT)));
        p.setCost(v.get(C));
        p.setDegree(v.get(DEGREE));
        double gamma = v.get(GAMMA);
        if (gamma == 0 && data != null) {
            gamma = 1.0 / Math.max(1, data.getFeatureMap().size());
        }
        p.setGamma(gamma);
        p.setCacheSize(200);
        return p;
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
        return require(task, name).resolve(params).map();
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
        return entry.factory().create(entry.resolve(params), seed);
    }

    private Entry require(Task task, String name) {
        return entry(task, name).orElseThrow(() -> new IllegalArgumentException("unknown " + task.json()
                + " algorithm '" + name + "'; known: " + entries.stream().filter(e -> e.task() == task)
                .map(Entry::name).toList()));
    }

    private Optional<Entry> entry(Task task, String name) {
        return entries.stream().filter(e -> e.task() == task && e.name().equals(name)).findFirst();
    }

    private interface Factory {
        Trainer<?> create(Values values, long seed);
    }

    /** An entry's resolved parameters by name; read through the spec, which gives the Java type. */
    private record Values(Map<String, Object> map) {
        int get(IntParam p) {
            return (Integer) map.get(p.name());
        }

        double get(RealParam p) {
            return (Double) map.get(p.name());
        }

        String get(ChoiceParam p) {
            return (String) map.get(p.name());
        }
    }

    private record Entry(Task task, String name, int complexity, String description, List<ParamSpec> params,
                         Factory factory) {
        Algorithm algorithm() {
            return new Algorithm(name, task, description, complexity,
                    params.stream().map(ParamSpec::describe).toList());
        }

        Values resolve(Map<String, ?> given) {
            Map<String, ?> values = given == null ? Map.of() : given;
            TreeSet<String> unknown = new TreeSet<>(values.keySet());
            Map<String, Object> resolved = new LinkedHashMap<>();
            for (ParamSpec param : params) {
                unknown.remove(param.name());
                resolved.put(param.name(), param.resolve(values.get(param.name())));
            }
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("unknown hyperparameter '" + unknown.first() + "' for "
                        + name + "; known: " + params.stream().map(ParamSpec::name).toList());
            }
            return new Values(resolved);
        }
    }
}
