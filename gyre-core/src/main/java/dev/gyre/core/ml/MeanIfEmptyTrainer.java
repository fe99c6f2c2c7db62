package dev.gyre.core.ml;

import java.util.List;
import java.util.Map;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.SparseModel;
import org.tribuo.SparseTrainer;
import org.tribuo.Trainer;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.baseline.DummyRegressionTrainer;

/**
 * A sparse linear regression trainer (the elastic net) whose model predicts the training mean when it
 * selects no feature. Tribuo 4.3.2's {@code SparseLinearModel} with no non-zero weight predicts the mean
 * <em>plus one</em> ({@code scoreDimension} takes 1.0 for the dot product of an empty weight vector), which
 * happens when alpha is large or no feature varies: such a fit is replaced by Tribuo's mean
 * {@code DummyRegressionModel} (protobuf-serializable too). For Gyre's single-output regression.
 */
final class MeanIfEmptyTrainer extends ForwardingTrainer<Regressor> {
    private final SparseTrainer<Regressor> sparse;
    private final Trainer<Regressor> mean = DummyRegressionTrainer.createMeanTrainer();

    MeanIfEmptyTrainer(SparseTrainer<Regressor> sparse) {
        super(sparse);
        this.sparse = sparse;
    }

    @Override
    public Model<Regressor> train(Dataset<Regressor> examples, Map<String, Provenance> runProvenance, int count) {
        SparseModel<Regressor> model = sparse.train(examples, runProvenance, count);
        if (model.getActiveFeatures().values().stream().allMatch(List::isEmpty)) {
            return mean.train(examples, runProvenance);
        }
        return model;
    }
}
