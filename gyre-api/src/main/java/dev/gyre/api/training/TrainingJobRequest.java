package dev.gyre.api.training;

import java.util.List;

/** {@code POST /api/v1/training-jobs}. */
public record TrainingJobRequest(String experiment, DatasetRef dataset, String label, TaskType task,
                                 List<Candidate> candidates, EvaluationSpec evaluation, RegisterSpec register,
                                 Long seed) {
}
