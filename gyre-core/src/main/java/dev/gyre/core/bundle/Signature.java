package dev.gyre.core.bundle;

import dev.gyre.core.features.FeatureSpec;
import dev.gyre.core.ml.Task;

import java.util.List;

/** What a model takes and gives, for clients: its inputs and, for classification, its classes. */
public record Signature(Task task, List<SignatureField> inputs, List<String> outputLabels) {
    public Signature {
        inputs = List.copyOf(inputs);
        outputLabels = outputLabels == null ? List.of() : List.copyOf(outputLabels);
    }

    /** The signature of a feature spec. */
    public static Signature of(FeatureSpec spec) {
        return new Signature(spec.task(),
                spec.fields().stream().map(f -> new SignatureField(f.name(), f.kind().json(), f.required())).toList(),
                spec.labels());
    }
}
