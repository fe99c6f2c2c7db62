package dev.gyre.api.serving;

import java.util.List;

/** The predictions, in the order of the instances, and the model version that made them. */
public record PredictResponse(List<PredictionResult> predictions, ServedModel model) {

    /** The model version a prediction came from. */
    public record ServedModel(String name, int version) {
    }
}
