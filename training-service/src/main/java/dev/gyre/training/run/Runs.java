package dev.gyre.training.run;

import dev.gyre.api.training.RunResponse;
import dev.gyre.core.ml.EvaluationResult;

/** The one mapping from stored runs to the wire. */
public final class Runs {
    private Runs() {
    }

    public static RunResponse toResponse(Run run) {
        return new RunResponse(run.getId().toString(), run.getExperiment(), run.getJobId().toString(),
                run.getAlgorithm(), run.getParams(), run.getMetrics(),
                EvaluationResult.std(run.getMetrics(), run.getFoldMetrics()), run.getFoldMetrics(),
                run.getDurationMs(), run.getStatus(), run.getError(), run.getCreatedAt());
    }
}
