package dev.gyre.core.ml;

import java.util.List;

/**
 * A catalog entry: an algorithm for one task and its hyperparameters.
 *
 * @param complexity 1 (linear) to 4 (ensembles): between two runs with the same score, the lower one wins
 */
public record Algorithm(String name, Task task, String description, int complexity,
                        List<Hyperparameter> hyperparameters) {
    public Algorithm {
        hyperparameters = List.copyOf(hyperparameters);
    }

    /** Whether {@code parameter} is one of this algorithm's integer hyperparameters (a search range then draws whole numbers). */
    public boolean takesIntegers(String parameter) {
        return hyperparameters.stream().anyMatch(h -> h.name().equals(parameter) && h.type().equals("int"));
    }
}
