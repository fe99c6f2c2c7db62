package dev.gyre.training.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.api.data.ColumnProfileResponse;
import dev.gyre.api.data.ColumnSpec;
import dev.gyre.api.data.ColumnType;
import dev.gyre.api.data.DataApi;
import dev.gyre.api.data.DatasetProfileResponse;
import dev.gyre.api.data.DatasetVersionResponse;
import dev.gyre.api.training.DatasetRef;
import dev.gyre.api.training.EvaluationMethod;
import dev.gyre.api.training.EvaluationSpec;
import dev.gyre.api.training.TrainingJobRequest;
import dev.gyre.boot.peer.Peer;
import dev.gyre.core.features.FeatureSpec;
import dev.gyre.core.ml.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.client.RestClientException;

/**
 * Asks data-service, before a job is accepted, whether its dataset version exists and is VALID, whether the
 * label is one of its columns, and whether that column suits the task. Each refusal is a problem naming the
 * request field; a job that passes can still fail later only for reasons found while training.
 */
@Component
class DatasetCheck {
    private static final Logger log = LoggerFactory.getLogger(DatasetCheck.class);
    private static final Peer DATA = new Peer("data-service");

    private final DataApi data;

    DatasetCheck(DataApi data) {
        this.data = data;
    }

    /** @throws ErrorResponseException 404 for an unknown dataset or version, 400 for a bad label, 502/503 when data-service fails */
    void check(TrainingJobRequest request) {
        DatasetRef ref = request.dataset();
        DatasetVersionResponse version = version(ref);
        if (!"VALID".equals(version.status())) {
            throw Problems.of(ProblemCode.INVALID_DATASET_VERSION, "dataset '" + ref.name() + "' version " + ref.version()
                    + " is " + version.status() + "; only a VALID version can be trained on", Map.of("field", "dataset.version"));
        }
        if (ref.split() != null && (version.splits() == null || !version.splits().containsKey(ref.split()))) {
            throw Problems.of(ProblemCode.INVALID_DATASET_VERSION, "dataset '" + ref.name() + "' version "
                    + ref.version() + (version.splits() == null ? " has no split: curate it with a recipe's split first"
                    : " has no split '" + ref.split() + "'; its splits are " + version.splits().keySet()),
                    Map.of("field", "dataset.split"));
        }
        List<ColumnSpec> columns = version.columns() == null ? List.of() : version.columns();
        Optional<ColumnSpec> label = columns.stream().filter(c -> request.label().equals(c.name())).findFirst();
        if (label.isEmpty()) {
            throw Problems.of(ProblemCode.UNKNOWN_LABEL, "label '" + request.label() + "' is not a column of dataset '"
                    + ref.name() + "' version " + ref.version() + "; columns: " + columns.stream().map(ColumnSpec::name).toList(),
                    Map.of("field", "label"));
        }
        Task task = Task.of(request.task().json());
        boolean numeric = label.get().type() == ColumnType.NUMERIC;
        if (task == Task.REGRESSION && !numeric) {
            throw Problems.of(ProblemCode.LABEL_NOT_NUMERIC, "regression label '" + request.label() + "' is a "
                    + label.get().type().json() + " column, not a numeric one: to predict its classes use task classification",
                    Map.of("field", "label"));
        }
        if (task == Task.CLASSIFICATION) {
            Optional<Long> distinct = distinct(ref, request.label());
            distinct.filter(n -> n < 2).ifPresent(n -> {
                throw Problems.of(ProblemCode.LABEL_ONE_CLASS, "classification label '" + request.label() + "' has "
                        + (n == 0 ? "no value" : "one class") + " in dataset '" + ref.name() + "' version "
                        + ref.version() + "; a classifier needs at least two", Map.of("field", "label", "distinct", n));
            });
            if (numeric) {
                distinct.filter(n -> !FeatureSpec.numericLabelCanBeClasses(n)).ifPresent(n -> {
                    throw Problems.of(ProblemCode.LABEL_NOT_CATEGORICAL, FeatureSpec.notCategorical(request.label(), n),
                            Map.of("field", "label", "distinct", n, "suggestedTask", Task.REGRESSION.json()));
                });
            }
        }
        rows(request, version);
    }

    /** Enough rows for the evaluation: a fold each at least, two for a hold-out (rows without a label count too). */
    private static void rows(TrainingJobRequest request, DatasetVersionResponse version) {
        DatasetRef ref = request.dataset();
        if (request.evaluation().method() == EvaluationMethod.SPLIT) {
            Map<String, Long> splits = version.splits() == null ? Map.of() : version.splits();
            for (String split : List.of("train", "test")) {
                if (splits.getOrDefault(split, 0L) < (split.equals("train") ? 2 : 1)) {
                    throw Problems.of(ProblemCode.INVALID_EVALUATION, "dataset '" + ref.name() + "' version "
                            + ref.version() + (version.splits() == null ? " has no split" : " has " + splits.getOrDefault(split, 0L)
                            + " rows in split '" + split + "'") + "; evaluation.method split needs a train split of 2 rows"
                            + " and a test split of 1 at least: curate the version with a recipe's split",
                            Map.of("field", "evaluation.method"));
                }
            }
            return;
        }
        long rows = ref.split() == null ? version.rows() : version.splits().get(ref.split());
        EvaluationSpec evaluation = request.evaluation();
        boolean kfold = evaluation.method() == EvaluationMethod.KFOLD;
        int needed = kfold ? evaluation.folds() : 2;
        if (rows < needed) {
            String of = "dataset '" + ref.name() + "' version " + ref.version()
                    + (ref.split() == null ? "" : " split '" + ref.split() + "'");
            throw Problems.of(ProblemCode.INVALID_EVALUATION, of + " has " + rows + " rows; " + (kfold
                    ? evaluation.folds() + "-fold cross-validation needs a row per fold at least"
                    : "a hold-out needs 2 rows at least"), Map.of("field", kfold ? "evaluation.folds" : "dataset"));
        }
    }

    private DatasetVersionResponse version(DatasetRef ref) {
        Optional<DatasetVersionResponse> found = DATA.find("dataset '" + ref.name() + "' version " + ref.version(),
                () -> data.version(ref.name(), ref.version()));
        if (found.isPresent()) {
            return found.get();
        }
        // 404: is it the dataset or only the version that is unknown?
        Integer latest = DATA.call("dataset '" + ref.name() + "'", () -> data.dataset(ref.name()), 404,
                answer -> Problems.of(ProblemCode.UNKNOWN_DATASET, DATA.service() + " has no dataset '"
                        + ref.name() + "'", Map.of("field", "dataset.name"))).latestVersion();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("field", "dataset.version");
        if (latest != null) {
            properties.put("latestVersion", latest);
        }
        throw Problems.of(ProblemCode.UNKNOWN_DATASET_VERSION, "dataset '" + ref.name() + "' has no version "
                + ref.version() + (latest == null ? " (it has no versions yet)" : "; its latest is " + latest), properties);
    }

    /** The label's distinct count from the version's profile; empty when data-service cannot say (training checks again). */
    private Optional<Long> distinct(DatasetRef ref, String label) {
        try {
            DatasetProfileResponse profile = data.profile(ref.name(), ref.version());
            return profile == null || profile.columns() == null ? Optional.empty()
                    : profile.columns().stream().filter(c -> label.equals(c.name())).findFirst()
                    .map(ColumnProfileResponse::distinct);
        } catch (RestClientException e) {
            log.warn("no profile of dataset {} version {} to check label {}: {}", ref.name(), ref.version(), label,
                    e.getMessage());
            return Optional.empty();
        }
    }
}
