package dev.gyre.training.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.gyre.api.Names;
import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.api.training.Candidate;
import dev.gyre.api.training.DatasetRef;
import dev.gyre.api.training.EvaluationMethod;
import dev.gyre.api.training.EvaluationSpec;
import dev.gyre.api.training.RegisterSpec;
import dev.gyre.api.training.TaskType;
import dev.gyre.api.training.TrainingJobRequest;
import dev.gyre.core.ml.AlgorithmCatalog;
import dev.gyre.core.ml.Metrics;
import dev.gyre.core.ml.SearchSpace;
import dev.gyre.core.ml.Task;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Checks a whole training request before anything is stored, and fills in its defaults. Every
 * problem names the field at fault, e.g. {@code candidates[1].params.maxDepth}.
 */
@Component
class TrainingJobValidator {
    static final int DEFAULT_FOLDS = 5;
    static final double DEFAULT_TEST_FRACTION = 0.2;
    static final long DEFAULT_SEED = 42L;
    static final int MAX_FOLDS = 20;

    private final AlgorithmCatalog catalog;
    private final TrainingProperties properties;

    TrainingJobValidator(AlgorithmCatalog catalog, TrainingProperties properties) {
        this.catalog = catalog;
        this.properties = properties;
    }

    /** The validated request with defaults filled in (folds or test fraction, metric, seed). */
    TrainingJobRequest validate(TrainingJobRequest request) {
        if (request == null) {
            throw invalid(ProblemCode.MISSING_FIELD, "", "a training job request body is required");
        }
        String experiment = Names.require("experiment", request.experiment());
        DatasetRef dataset = request.dataset();
        if (dataset == null) {
            throw invalid(ProblemCode.MISSING_FIELD, "dataset", "dataset {name, version} is required");
        }
        Names.require("dataset.name", dataset.name());
        // dataset.version >= 1 is declared on DatasetRef (@Min) and checked before the request gets here
        Task task = task(request.task());
        if (request.label() == null || request.label().isBlank()) {
            throw invalid(ProblemCode.MISSING_FIELD, "label", "label (the column to predict) is required");
        }
        long seed = request.seed() == null ? DEFAULT_SEED : request.seed();
        List<Candidate> candidates = candidates(request.candidates(), task, seed);
        EvaluationSpec evaluation = evaluation(request.evaluation(), task);
        if (evaluation.method() == EvaluationMethod.SPLIT && dataset.split() != null) {
            throw invalid(ProblemCode.INVALID_EVALUATION, "dataset.split", "evaluation.method split trains on the"
                    + " version's train split and scores on its test split: leave dataset.split out");
        }
        RegisterSpec register = request.register();
        if (register != null) {
            Names.require("register.model", register.model());
            if (register.alias() != null) {
                Names.require("register.alias", register.alias());
            }
        }
        return new TrainingJobRequest(experiment, dataset, request.label(), request.task(), candidates, evaluation,
                register, seed);
    }

    private static Task task(TaskType value) {
        if (value == null) {
            throw invalid(ProblemCode.MISSING_FIELD, "task", "task is required: classification or regression");
        }
        return Task.of(value.json());
    }

    private List<Candidate> candidates(List<Candidate> candidates, Task task, long seed) {
        if (candidates == null || candidates.isEmpty()) {
            throw invalid(ProblemCode.MISSING_FIELD, "candidates", "candidates must list at least one algorithm");
        }
        List<Candidate> normalized = new ArrayList<>();
        long runs = 0;
        for (int i = 0; i < candidates.size(); i++) {
            String at = "candidates[" + i + "]";
            Candidate c = candidates.get(i);
            if (c == null || c.algorithm() == null || c.algorithm().isBlank()) {
                throw invalid(ProblemCode.MISSING_FIELD, at + ".algorithm", at + ".algorithm is required");
            }
            if (catalog.find(task, c.algorithm()).isEmpty()) {
                throw invalid(ProblemCode.UNKNOWN_ALGORITHM, at + ".algorithm", "no " + task.json() + " algorithm '"
                        + c.algorithm() + "'; known: " + catalog.all().stream()
                        .filter(a -> a.task() == task).map(a -> a.name()).toList());
            }
            Map<String, Object> params = c.params() == null ? Map.of() : c.params();
            params.forEach((name, value) -> hyperparameter(task, c.algorithm(), name, value, at + ".params." + name));
            long points = 1;
            if (c.search() != null) {
                points = search(task, c.algorithm(), c.search(), at + ".search");
            }
            runs += points;
            if (runs > properties.maxRunsPerJob()) {
                throw invalid(ProblemCode.TOO_MANY_RUNS, "candidates", "the candidates and their search grids ask for more than "
                        + properties.maxRunsPerJob() + " runs");
            }
            normalized.add(new Candidate(c.algorithm(), params, c.search()));
        }
        // building every trainer once proves the whole configuration, not just each value alone
        List<Trial> trials = Trial.of(normalized, task, catalog, seed);
        for (Trial trial : trials) {
            try {
                catalog.trainer(task, trial.algorithm(), trial.params(), seed);
            } catch (IllegalArgumentException e) {
                String at = "candidates[" + trial.candidate() + "]";
                throw invalid(ProblemCode.INVALID_HYPERPARAMETER, at + ".params", at + ": " + e.getMessage());
            }
        }
        return normalized;
    }

    /** The trials a validated request makes. */
    List<Trial> trials(TrainingJobRequest valid) {
        return Trial.of(valid.candidates(), Task.of(valid.task().json()), catalog, valid.seed());
    }

    /** Checks a candidate's search and returns how many runs it makes. */
    private long search(Task task, String algorithm, Map<String, Object> search, String at) {
        SearchSpace space;
        try {
            space = SearchSpace.parse(search);
        } catch (SearchSpace.Invalid e) {
            String field = e.field().isEmpty() ? at : at + "." + e.field();
            throw invalid(ProblemCode.INVALID_SEARCH, field, at + ": " + e.getMessage());
        }
        String prefix = search.containsKey("space") ? at + ".space." : at + ".";
        space.space().forEach((name, axis) -> {
            if (axis instanceof SearchSpace.Choices choices) {
                for (int v = 0; v < choices.values().size(); v++) {
                    hyperparameter(task, algorithm, name, choices.values().get(v), prefix + name + "[" + v + "]");
                }
            } else {
                SearchSpace.Range range = (SearchSpace.Range) axis;
                boolean integer = catalog.find(task, algorithm).orElseThrow().takesIntegers(name);
                // both ends must be values the parameter takes (a range of an int parameter has whole ends)
                hyperparameter(task, algorithm, name, integer ? (Object) Math.round(Math.ceil(range.min())) : range.min(),
                        prefix + name + ".min");
                hyperparameter(task, algorithm, name, integer ? (Object) Math.round(Math.floor(range.max())) : range.max(),
                        prefix + name + ".max");
                if (integer && Math.ceil(range.min()) > Math.floor(range.max())) {
                    throw invalid(ProblemCode.INVALID_SEARCH, prefix + name, prefix + name
                            + " holds no integer for an integer parameter");
                }
            }
        });
        return space.size();
    }

    private void hyperparameter(Task task, String algorithm, String name, Object value, String field) {
        try {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put(name, value);
            catalog.resolve(task, algorithm, one);
        } catch (IllegalArgumentException e) {
            throw invalid(ProblemCode.INVALID_HYPERPARAMETER, field, field + ": " + e.getMessage());
        }
    }

    private static EvaluationSpec evaluation(EvaluationSpec spec, Task task) {
        if (spec == null) {
            throw invalid(ProblemCode.MISSING_FIELD, "evaluation", "evaluation {method, folds?|testFraction?, metric} is required");
        }
        String metric = spec.metric() == null ? defaultMetric(task) : spec.metric();
        try {
            Metrics.validate(metric, task);
        } catch (IllegalArgumentException e) {
            throw invalid(ProblemCode.INVALID_METRIC, "evaluation.metric", e.getMessage());
        }
        if (spec.method() == EvaluationMethod.KFOLD) {
            int folds = spec.folds() == null ? DEFAULT_FOLDS : spec.folds();
            if (folds < 2 || folds > MAX_FOLDS) {
                throw invalid(ProblemCode.INVALID_EVALUATION, "evaluation.folds",
                        "evaluation.folds must be in [2, " + MAX_FOLDS + "], got " + folds);
            }
            return new EvaluationSpec(EvaluationMethod.KFOLD, folds, null, metric);
        }
        if (spec.method() == EvaluationMethod.HOLDOUT) {
            double fraction = spec.testFraction() == null ? DEFAULT_TEST_FRACTION : spec.testFraction();
            if (!(fraction > 0 && fraction < 1)) {
                throw invalid(ProblemCode.INVALID_EVALUATION, "evaluation.testFraction",
                        "evaluation.testFraction must be in (0, 1), got " + fraction);
            }
            return new EvaluationSpec(EvaluationMethod.HOLDOUT, null, fraction, metric);
        }
        if (spec.method() == EvaluationMethod.SPLIT) {
            return new EvaluationSpec(EvaluationMethod.SPLIT, null, null, metric);
        }
        // an unknown method is refused while the body is read (EvaluationMethod.of); here it is absent
        throw invalid(ProblemCode.INVALID_EVALUATION, "evaluation.method",
                "evaluation.method must be kfold, holdout or split, got 'null'");
    }

    private static String defaultMetric(Task task) {
        return task == Task.CLASSIFICATION ? Metrics.ACCURACY : Metrics.RMSE;
    }

    private static ErrorResponseException invalid(ProblemCode code, String field, String detail) {
        return Problems.of(code, detail, Map.of("field", field));
    }
}
