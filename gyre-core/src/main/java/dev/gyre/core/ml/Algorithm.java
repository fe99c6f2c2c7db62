package dev.gyre.core.ml;

import java.util.List;

/** A catalog entry: an algorithm for one task and its hyperparameters. */
public record Algorithm(String name, Task task, String description, List<Hyperparameter> hyperparameters) {
    public Algorithm {
        hyperparameters = List.copyOf(hyperparameters);
    }
}
