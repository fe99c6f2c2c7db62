package dev.gyre.training.job;

import java.util.Map;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.provenance.TrainerProvenance;

/**
 * A trainer that passes a {@link Checkpoint} before each training: k-fold evaluation trains once per
 * fold, so a cancelled job stops at the next fold instead of after the whole candidate.
 */
final class CheckpointTrainer<T extends Output<T>> implements Trainer<T> {
    private final Trainer<T> inner;
    private final Checkpoint checkpoint;

    private CheckpointTrainer(Trainer<T> inner, Checkpoint checkpoint) {
        this.inner = inner;
        this.checkpoint = checkpoint;
    }

    static <T extends Output<T>> Trainer<T> wrap(Trainer<T> inner, Checkpoint checkpoint) {
        return new CheckpointTrainer<>(inner, checkpoint);
    }

    @Override
    public Model<T> train(Dataset<T> examples, Map<String, Provenance> runProvenance) {
        checkpoint.check();
        return inner.train(examples, runProvenance);
    }

    @Override
    public Model<T> train(Dataset<T> examples, Map<String, Provenance> runProvenance, int invocationCount) {
        checkpoint.check();
        return inner.train(examples, runProvenance, invocationCount);
    }

    @Override
    public int getInvocationCount() {
        return inner.getInvocationCount();
    }

    @Override
    public void setInvocationCount(int count) {
        inner.setInvocationCount(count);
    }

    @Override
    public TrainerProvenance getProvenance() {
        return inner.getProvenance();
    }

    @Override
    public String toString() {
        return inner.toString();
    }
}
