package dev.gyre.api.training;

import java.util.List;

import jakarta.validation.Valid;

/** {@code POST /api/v1/training-jobs}. */
public record TrainingJobRequest(String experiment, @Valid DatasetRef dataset, String label, TaskType task,
                                 List<Candidate> candidates, EvaluationSpec evaluation, RegisterSpec register,
                                 Long seed) {
}
