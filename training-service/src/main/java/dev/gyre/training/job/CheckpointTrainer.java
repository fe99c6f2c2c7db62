package dev.gyre.training.job;

import java.util.Map;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import dev.gyre.core.ml.ForwardingTrainer;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Trainer;

/**
 * A trainer that passes a {@link Checkpoint} before each training: k-fold evaluation trains once per
 * fold, so a cancelled job stops at the next fold instead of after the whole candidate.
 */
final class CheckpointTrainer<T extends Output<T>> extends ForwardingTrainer<T> {
    private final Checkpoint checkpoint;

    private CheckpointTrainer(Trainer<T> inner, Checkpoint checkpoint) {
        super(inner);
        this.checkpoint = checkpoint;
    }

    /** {@code inner} (a catalog trainer of either task) passing the checkpoint before each training. */
    static Trainer<?> wrap(Trainer<?> inner, Checkpoint checkpoint) {
        return typed(inner, checkpoint);
    }

    private static <T extends Output<T>> Trainer<T> typed(Trainer<T> inner, Checkpoint checkpoint) {
        return new CheckpointTrainer<>(inner, checkpoint);
    }

    @Override
    public Model<T> train(Dataset<T> examples, Map<String, Provenance> runProvenance, int invocationCount) {
        checkpoint.check();
        return super.train(examples, runProvenance, invocationCount);
    }
}
