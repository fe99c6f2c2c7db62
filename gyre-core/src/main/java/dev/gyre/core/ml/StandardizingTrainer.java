package dev.gyre.core.ml;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.Transformation;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Wraps a trainer in Tribuo's {@link TransformTrainer} with mean/std standardization of every feature
 * that varies in the training data. Constant features (a one-hot category present in every row of a
 * fold, or in none) are left as they are: Tribuo's standardizer divides by a zero standard deviation
 * and would turn them into NaN. The model produced is a plain Tribuo
 * {@code TransformedModel}; this class is never serialized.
 */
final class StandardizingTrainer<T extends Output<T>> extends ForwardingTrainer<T> {
    private final Function<Dataset<T>, Trainer<T>> inner;

    StandardizingTrainer(Trainer<T> inner) {
        this(data -> inner, inner);
    }

    /**
     * @param inner     the inner trainer for a training set (e.g. with penalties scaled to its target)
     * @param described an inner trainer standing for the family: the invocation count is kept in it, and
     *                  {@link #getProvenance()} describes it
     */
    StandardizingTrainer(Function<Dataset<T>, Trainer<T>> inner, Trainer<T> described) {
        super(described);
        this.inner = inner;
    }

    @Override
    public synchronized Model<T> train(Dataset<T> examples, Map<String, Provenance> runProvenance, int count) {
        int invocation = count == INCREMENT_INVOCATION_COUNT ? getInvocationCount() : count;
        Map<String, List<Transformation>> perFeature = new HashMap<>();
        for (String name : varyingFeatures(examples)) {
            // Tribuo reads these keys as regular expressions: "Body Mass (g)" would not match itself
            perFeature.put(Pattern.quote(name), List.of(new MeanStdDevTransformation()));
        }
        // no densify, no implicit zeros: FeatureEncoder writes every feature explicitly, and Tribuo 4.3.2's
        // MeanStdDevStatistics.observeSparse(int) resets the mean instead of folding in the zeros
        TransformTrainer<T> trainer = new TransformTrainer<>(inner.apply(examples), new TransformationMap(perFeature), false, false);
        Model<T> model = trainer.train(examples, runProvenance, invocation);
        setInvocationCount(invocation + 1);
        return model;
    }

    private static <T extends Output<T>> List<String> varyingFeatures(Dataset<T> examples) {
        Map<String, double[]> minMaxCount = new HashMap<>();
        int rows = 0;
        for (Example<T> example : examples) {
            rows++;
            for (Feature f : example) {
                double[] s = minMaxCount.computeIfAbsent(f.getName(),
                        k -> new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0});
                s[0] = Math.min(s[0], f.getValue());
                s[1] = Math.max(s[1], f.getValue());
                s[2]++;
            }
        }
        int n = rows;
        return minMaxCount.entrySet().stream().filter(e -> {
            double[] s = e.getValue();
            double min = s[2] < n ? Math.min(s[0], 0) : s[0]; // implicit zeros
            double max = s[2] < n ? Math.max(s[1], 0) : s[1];
            return max > min;
        }).map(Map.Entry::getKey).sorted().toList();
    }

    @Override // synchronized: not in the middle of a training
    public synchronized void setInvocationCount(int count) {
        super.setInvocationCount(count);
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TransformTrainer<>(delegate(), new TransformationMap(Map.of()), false, false).getProvenance();
    }

    @Override
    public String toString() {
        return "StandardizingTrainer(" + delegate() + ")";
    }
}
