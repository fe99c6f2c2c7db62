package dev.gyre.core.ml;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import dev.gyre.core.features.Penguins;
import org.junit.jupiter.api.Test;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;

import static org.assertj.core.api.Assertions.assertThat;

class ForwardingTrainerTest {

    /** A wrapper that overrides only the one training method, as CheckpointTrainer does. */
    private static final class Counting extends ForwardingTrainer<Label> {
        final AtomicInteger trainings = new AtomicInteger();

        Counting(CARTClassificationTrainer delegate) {
            super(delegate);
        }

        @Override
        public Model<Label> train(Dataset<Label> examples, Map<String, Provenance> runProvenance, int invocationCount) {
            trainings.incrementAndGet();
            return super.train(examples, runProvenance, invocationCount);
        }
    }

    @Test
    void sendsEveryTrainingThroughTheOneOverriddenMethodAndDescribesItselfAsItsDelegate() {
        CARTClassificationTrainer cart = new CARTClassificationTrainer(3, 0.5f, 42);
        Counting wrapped = new Counting(cart);
        var data = Penguins.species();

        wrapped.train(data);
        wrapped.train(data, Map.of());
        wrapped.train(data, Map.of(), 5);

        assertThat(wrapped.trainings).hasValue(3);
        assertThat(wrapped.getInvocationCount()).isEqualTo(cart.getInvocationCount()).isEqualTo(6);
        wrapped.setInvocationCount(1);
        assertThat(cart.getInvocationCount()).isEqualTo(1);
        assertThat(wrapped.getProvenance()).isEqualTo(cart.getProvenance());
        assertThat(wrapped).hasToString(cart.toString());
    }

    // the count decides the random stream: a wrapped trainer reproduces the bare one's models fold after fold
    @Test
    void trainsTheSameModelsAsItsDelegateWouldInTheSameOrder() {
        var data = Penguins.species();
        var bare = Evaluation.kfold(new CARTClassificationTrainer(4, 1f, 0f, 0.5f, false,
                new org.tribuo.classification.dtree.impurity.GiniIndex(), 9), data, 3, 7);
        var wrapped = Evaluation.kfold(new Counting(new CARTClassificationTrainer(4, 1f, 0f, 0.5f, false,
                new org.tribuo.classification.dtree.impurity.GiniIndex(), 9)), data, 3, 7);
        assertThat(wrapped.metrics()).isEqualTo(bare.metrics());
    }
}
