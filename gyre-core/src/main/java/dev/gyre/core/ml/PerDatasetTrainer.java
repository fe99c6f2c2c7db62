package dev.gyre.core.ml;

import java.util.Map;
import java.util.function.Function;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Trainer;

/**
 * A trainer configured from the training set it is given: a default that depends on the data (scikit-learn's
 * sqrt(features) per split, 1 / features as an RBF kernel's gamma) is computed per fit, so each fold of a
 * cross-validation gets its own. Never serialized; the model is the inner trainer's.
 */
final class PerDatasetTrainer<T extends Output<T>> extends ForwardingTrainer<T> {
    private final Function<Dataset<T>, Trainer<T>> inner;

    /**
     * @param inner     the trainer for a training set
     * @param described a trainer standing for the family: it keeps the invocation count and describes the provenance
     */
    PerDatasetTrainer(Function<Dataset<T>, Trainer<T>> inner, Trainer<T> described) {
        super(described);
        this.inner = inner;
    }

    @Override
    public synchronized Model<T> train(Dataset<T> examples, Map<String, Provenance> runProvenance, int count) {
        int invocation = count == INCREMENT_INVOCATION_COUNT ? getInvocationCount() : count;
        Model<T> model = inner.apply(examples).train(examples, runProvenance, invocation);
        setInvocationCount(invocation + 1);
        return model;
    }

    @Override // synchronized: not in the middle of a training
    public synchronized void setInvocationCount(int count) {
        super.setInvocationCount(count);
    }
}
