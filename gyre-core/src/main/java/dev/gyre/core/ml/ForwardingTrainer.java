package dev.gyre.core.ml;

import java.util.Map;
import java.util.Objects;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.provenance.TrainerProvenance;

/**
 * A trainer that hands everything to another one; a wrapper overrides only what it changes, usually
 * {@link #train(Dataset, Map, int)}, which every training goes through. Invocation count, provenance and
 * name are the delegate's, so a wrapped trainer reproduces and describes itself as the delegate would.
 */
public abstract class ForwardingTrainer<T extends Output<T>> implements Trainer<T> {
    private final Trainer<T> delegate;

    protected ForwardingTrainer(Trainer<T> delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    protected final Trainer<T> delegate() {
        return delegate;
    }

    // as Tribuo's own trainers do: the two-argument form is the three-argument one that increments the count
    @Override
    public final Model<T> train(Dataset<T> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public Model<T> train(Dataset<T> examples, Map<String, Provenance> runProvenance, int invocationCount) {
        return delegate.train(examples, runProvenance, invocationCount);
    }

    @Override
    public int getInvocationCount() {
        return delegate.getInvocationCount();
    }

    @Override
    public void setInvocationCount(int invocationCount) {
        delegate.setInvocationCount(invocationCount);
    }

    @Override
    public TrainerProvenance getProvenance() {
        return delegate.getProvenance();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
