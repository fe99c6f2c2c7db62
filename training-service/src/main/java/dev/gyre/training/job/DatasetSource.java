package dev.gyre.training.job;
import java.util.List;


import dev.gyre.api.data.DataApi;
import dev.gyre.api.data.DatasetVersionResponse;
import dev.gyre.api.training.DatasetRef;
import dev.gyre.api.training.EvaluationMethod;
import dev.gyre.api.training.TrainingJobRequest;
import dev.gyre.boot.columnar.VersionDownloads;
import dev.gyre.boot.schema.ColumnSpecs;
import dev.gyre.core.features.FeatureEncoder;
import dev.gyre.core.features.FeatureSpec;
import dev.gyre.core.features.TrainingData;
import dev.gyre.core.ml.Task;
import dev.gyre.core.table.Table;
import dev.gyre.core.table.TableSchema;
import org.springframework.stereotype.Component;
import org.tribuo.Dataset;

/** A job's dataset version from data-service: checked VALID, read, and encoded by a feature spec fitted on it. */
@Component
class DatasetSource {
    private final DataApi data;
    private final VersionDownloads downloads;
    private final PeerCalls peers;

    DatasetSource(DataApi data, VersionDownloads downloads, PeerCalls peers) {
        this.data = data;
        this.downloads = downloads;
        this.peers = peers;
    }

    /**
     * @param description "dataset NAME version N", for messages
     * @param training    the encoded rows (rows without a label are skipped and counted)
     * @param test        for evaluation method split, the test split's rows encoded by the same spec; else null
     */
    record TrainingSet(String description, DatasetVersionResponse version, FeatureSpec spec, TrainingData<?> training,
                       TrainingData<?> test) {
        Dataset<?> dataset() {
            return training.dataset();
        }
    }

    /** The version the request names, ready to train on; the checkpoint is passed before its content is fetched. */
    TrainingSet load(TrainingJobRequest request, Task task, Checkpoint checkpoint) {
        boolean bySplit = request.evaluation().method() == EvaluationMethod.SPLIT;
        DatasetRef ref = bySplit ? new DatasetRef(request.dataset().name(), request.dataset().version(), "train")
                : request.dataset();
        String what = "dataset " + ref.name() + " version " + ref.version()
                + (ref.split() == null ? "" : " (split " + ref.split() + ")");

        DatasetVersionResponse version = peers.peer("data-service", what, () -> data.version(ref.name(), ref.version()));
        if (!"VALID".equals(version.status())) {
            throw new TrainingFailure(what + " is " + version.status() + "; only a VALID version can be trained on");
        }
        checkpoint.check();
        // read as Parquet, typed as the version was written; the table's cells print numbers as its CSV would
        Table table = peers.peer("data-service", "the content of " + what,
                () -> downloads.table(ref.name(), ref.version(), ref.split(), List.of()));
        try {
            // the spec (categories, imputation) is fitted on the training rows only, a split's test rows never seen
            FeatureSpec spec = FeatureSpec.fit(table, schema(version), request.label(), task);
            TrainingData<?> training = FeatureEncoder.of(spec).dataset(table, ref.name() + "@" + ref.version());
            TrainingData<?> test = null;
            if (bySplit) {
                checkpoint.check();
                Table tests = peers.peer("data-service", "the test split of " + what,
                        () -> downloads.table(ref.name(), ref.version(), "test", List.of()));
                test = FeatureEncoder.of(spec).dataset(tests, ref.name() + "@" + ref.version() + " test");
            }
            return new TrainingSet(what, version, spec, training, test);
        } catch (IllegalArgumentException e) {
            throw new TrainingFailure(what + ": " + e.getMessage());
        }
    }

    private static TableSchema schema(DatasetVersionResponse version) {
        if (version.columns() == null || version.columns().isEmpty()) {
            throw new TrainingFailure("data-service gave no columns for dataset " + version.dataset()
                    + " version " + version.version());
        }
        return ColumnSpecs.toCore(version.columns());
    }
}
