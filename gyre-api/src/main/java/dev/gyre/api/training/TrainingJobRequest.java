package dev.gyre.api.training;

import java.util.List;

/** {@code POST /api/v1/training-jobs}; {@code task} is "classification" or "regression". */
public record TrainingJobRequest(String experiment, DatasetRef dataset, String label, String task,
                                 List<Candidate> candidates, EvaluationSpec evaluation, RegisterSpec register,
                                 Long seed) {
}
