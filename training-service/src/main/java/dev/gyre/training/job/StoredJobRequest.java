package dev.gyre.training.job;

import java.util.List;
import java.util.Map;

/**
 * A job's validated request as stored in its jsonb column, apart from the wire's {@code TrainingJobRequest}: the
 * field names and the wire spellings of {@code task} and {@code evaluation.method} are the ones rows were written
 * with, so a change to the contract cannot change the rows a restarted job re-runs from.
 */
record StoredJobRequest(String experiment, Dataset dataset, String label, String task, List<Candidate> candidates,
                        Evaluation evaluation, Register register, Long seed) {

    /** {@code split} null for all rows (and in jobs stored before splits), and then not written. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Dataset(String name, int version, String split) {
    }

    record Candidate(String algorithm, Map<String, Object> params, Map<String, Object> search) {
    }

    record Evaluation(String method, Integer folds, Double testFraction, String metric) {
    }

    record Register(String model, String alias) {
    }

    /** The model version a job registered, as stored. */
    record Registration(String model, int version, String alias) {
    }
}
