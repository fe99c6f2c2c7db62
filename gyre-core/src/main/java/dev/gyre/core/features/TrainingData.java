package dev.gyre.core.features;

import org.tribuo.MutableDataset;
import org.tribuo.Output;

/**
 * A Tribuo dataset built from a table by {@link FeatureEncoder#dataset}.
 *
 * @param rowsUsed           rows turned into examples
 * @param rowsSkipped        rows left out because their label was missing
 */
public record TrainingData<T extends Output<T>>(MutableDataset<T> dataset, int rowsUsed, int rowsSkipped) {
}
