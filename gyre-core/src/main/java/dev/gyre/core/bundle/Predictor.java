package dev.gyre.core.bundle;

import dev.gyre.core.features.FeatureEncoder;
import dev.gyre.core.features.FeatureValidationException;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Serves a {@link ModelBundle}: JSON records in, predictions out. Thread-safe. */
public final class Predictor {
    private final ModelBundle bundle;
    private final FeatureEncoder<?> encoder;

    public Predictor(ModelBundle bundle) {
        this.bundle = bundle;
        this.encoder = FeatureEncoder.of(bundle.spec());
    }

    public ModelBundle bundle() {
        return bundle;
    }

    /**
     * Validates every instance, then predicts all of them in one batch (XGBoost builds a matrix per call).
     *
     * @throws FeatureValidationException with every error of every instance, each with its index
     */
    public List<Prediction> predict(List<? extends Map<String, ?>> instances) {
        return predict(encoder, instances);
    }

    private <T extends Output<T>> List<Prediction> predict(FeatureEncoder<T> typed, List<? extends Map<String, ?>> instances) {
        List<Example<T>> examples = typed.examples(instances);
        if (examples.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        Model<T> model = (Model<T>) bundle.model(); // the output type was checked against the task on read
        List<org.tribuo.Prediction<T>> predictions = model.predict(examples);
        List<Prediction> out = new ArrayList<>(predictions.size());
        for (org.tribuo.Prediction<T> p : predictions) {
            out.add(convert(p, model.generatesProbabilities()));
        }
        return out;
    }

    private Prediction convert(org.tribuo.Prediction<?> p, boolean probabilities) {
        if (p.getOutput() instanceof Regressor r) {
            return new Prediction(null, r.getValues()[0], null);
        }
        Label label = (Label) p.getOutput();
        Map<String, Double> scores = null;
        if (probabilities) {
            scores = new LinkedHashMap<>();
            Map<String, ?> raw = p.getOutputScores();
            for (String name : bundle.spec().labels()) {
                if (raw.get(name) instanceof Label l) {
                    scores.put(name, l.getScore());
                }
            }
        }
        return new Prediction(label.getLabel(), null, scores);
    }
}
