package dev.gyre.core.ml;

import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.evaluation.KFoldSplitter;
import org.tribuo.evaluation.TrainTestSplitter;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hold-out, k-fold and stratified k-fold evaluation of a trainer on a dataset. The trainer and the
 * dataset must have the same output type ({@code Trainer<Label>} with a {@code Dataset<Label>}, ...);
 * they are taken as wildcards so that callers holding a {@code Trainer<?>} from the
 * {@link AlgorithmCatalog} need no casts.
 */
public final class Evaluation {
    private Evaluation() {
    }

    /** Trains on a random {@code 1 - testFraction} of the rows and evaluates on the rest. */
    public static EvaluationResult holdout(Trainer<?> trainer, Dataset<?> data, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
        }
        if (data.size() < 2) {
            throw new IllegalArgumentException("hold-out needs at least 2 rows, got " + data.size());
        }
        return holdoutTyped(cast(trainer), cast(data), testFraction, seed);
    }

    /** Trains on {@code train} and evaluates on {@code test} (a curated split's rows). */
    public static EvaluationResult trainTest(Trainer<?> trainer, Dataset<?> train, Dataset<?> test) {
        if (train.size() == 0 || test.size() == 0) {
            throw new IllegalArgumentException("train and test need rows, got " + train.size() + " and " + test.size());
        }
        return trainTestTyped(cast(trainer), cast(train), cast(test));
    }

    private static <T extends Output<T>> EvaluationResult trainTestTyped(Trainer<T> trainer, Dataset<T> train,
                                                                        Dataset<T> test) {
        long start = System.nanoTime();
        Model<T> model = trainer.train(train);
        return new EvaluationResult(Metrics.compute(model, test), (System.nanoTime() - start) / 1_000_000);
    }

    /** Trains and evaluates {@code folds} times; each metric is the mean over the folds that report it. */
    public static EvaluationResult kfold(Trainer<?> trainer, Dataset<?> data, int folds, long seed) {
        if (folds < 2 || folds > data.size()) {
            throw new IllegalArgumentException("folds must be in [2, " + data.size() + "], got " + folds);
        }
        return kfoldTyped(cast(trainer), cast(data), folds, seed);
    }

    /**
     * k-fold with every class spread evenly over the folds, as scikit-learn's StratifiedKFold: each class's rows,
     * shuffled by the seed, are dealt to the folds in turn, so a fold's share of a class is the whole dataset's
     * within one row. For a classification dataset only.
     */
    public static EvaluationResult stratifiedKfold(Trainer<?> trainer, Dataset<?> data, int folds, long seed) {
        if (folds < 2 || folds > data.size()) {
            throw new IllegalArgumentException("folds must be in [2, " + data.size() + "], got " + folds);
        }
        return foldsTyped(cast(trainer), cast(data), stratifiedFolds(data, folds, seed));
    }

    /** The fold (0 to {@code folds - 1}) of each row of a classification dataset, as {@link #stratifiedKfold} draws them. */
    public static int[] stratifiedFolds(Dataset<?> data, int folds, long seed) {
        Map<String, List<Integer>> byClass = new java.util.TreeMap<>();
        int row = 0;
        for (Example<?> example : data) {
            byClass.computeIfAbsent(example.getOutput().toString(), k -> new ArrayList<>()).add(row++);
        }
        java.util.Random random = new java.util.Random(seed);
        int[] fold = new int[data.size()];
        int next = 0;
        for (List<Integer> rows : byClass.values()) {
            java.util.Collections.shuffle(rows, random);
            for (int r : rows) {
                fold[r] = next;
                next = (next + 1) % folds;
            }
        }
        return fold;
    }

    private static <T extends Output<T>> EvaluationResult foldsTyped(Trainer<T> trainer, Dataset<T> data, int[] fold) {
        long start = System.nanoTime();
        int folds = java.util.Arrays.stream(fold).max().orElse(0) + 1;
        List<Example<T>> examples = new ArrayList<>(data.size());
        data.forEach(examples::add);
        List<Map<String, Double>> scores = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            List<Example<T>> train = new ArrayList<>();
            List<Example<T>> test = new ArrayList<>();
            for (int r = 0; r < examples.size(); r++) {
                (fold[r] == f ? test : train).add(examples.get(r));
            }
            Model<T> model = trainer.train(dataset(train, data, "fold " + f + " train"));
            scores.add(Metrics.compute(model, dataset(test, data, "fold " + f + " test")));
        }
        return EvaluationResult.ofFolds(scores, (System.nanoTime() - start) / 1_000_000);
    }

    private static <T extends Output<T>> MutableDataset<T> dataset(List<Example<T>> examples, Dataset<T> of, String name) {
        return new MutableDataset<>(new ListDataSource<>(examples, of.getOutputFactory(),
                new SimpleDataSourceProvenance(name, of.getOutputFactory())));
    }

    /** Trains a model on the whole dataset (the final model of a run). */
    public static Model<?> train(Trainer<?> trainer, Dataset<?> data) {
        return trainTyped(cast(trainer), cast(data));
    }

    private static <T extends Output<T>> Model<T> trainTyped(Trainer<T> trainer, Dataset<T> data) {
        return trainer.train(data);
    }

    private static <T extends Output<T>> EvaluationResult holdoutTyped(Trainer<T> trainer, Dataset<T> data,
                                                                      double testFraction, long seed) {
        long start = System.nanoTime();
        List<Example<T>> examples = new ArrayList<>(data.size());
        data.forEach(examples::add);
        var source = new ListDataSource<>(examples, data.getOutputFactory(),
                new SimpleDataSourceProvenance("holdout", data.getOutputFactory()));
        TrainTestSplitter<T> splitter = new TrainTestSplitter<>(source, 1.0 - testFraction, seed);
        MutableDataset<T> train = new MutableDataset<>(splitter.getTrain());
        MutableDataset<T> test = new MutableDataset<>(splitter.getTest());
        if (train.size() == 0 || test.size() == 0) {
            throw new IllegalArgumentException("testFraction " + testFraction + " leaves an empty train or test set");
        }
        Model<T> model = trainer.train(train);
        Map<String, Double> metrics = Metrics.compute(model, test);
        return new EvaluationResult(metrics, (System.nanoTime() - start) / 1_000_000);
    }

    private static <T extends Output<T>> EvaluationResult kfoldTyped(Trainer<T> trainer, Dataset<T> data,
                                                                    int folds, long seed) {
        long start = System.nanoTime();
        // KFoldSplitter is what Tribuo's CrossValidation uses; driving it directly gives us the fold test
        // sets, which CrossValidation does not expose, without training twice
        Iterator<KFoldSplitter.TrainTestFold<T>> splits = new KFoldSplitter<T>(folds, seed).split(data, true);
        List<Map<String, Double>> scores = new ArrayList<>();
        while (splits.hasNext()) {
            KFoldSplitter.TrainTestFold<T> split = splits.next();
            Model<T> model = trainer.train(split.train);
            scores.add(Metrics.compute(model, split.test));
        }
        return EvaluationResult.ofFolds(scores, (System.nanoTime() - start) / 1_000_000);
    }

    @SuppressWarnings("unchecked")
    private static <X> X cast(Object o) {
        return (X) o;
    }
}
