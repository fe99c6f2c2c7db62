package dev.gyre.data.rank;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.api.data.FeatureRankingResponse;
import dev.gyre.api.data.RankedFeature;
import dev.gyre.api.data.RankingDiscretisation;
import dev.gyre.core.columnar.ColumnarEngine;
import dev.gyre.core.columnar.VersionReader;
import dev.gyre.core.rank.Discretisation;
import dev.gyre.core.rank.FeatureColumn;
import dev.gyre.core.rank.FeatureRanker;
import dev.gyre.core.rank.Ranking;
import dev.gyre.core.rank.RankingMethod;
import dev.gyre.core.table.Column;
import dev.gyre.core.table.ColumnType;
import dev.gyre.core.table.TableSchema;
import dev.gyre.data.dataset.DatasetService;
import dev.gyre.data.version.VersionService;
import org.springframework.stereotype.Service;

/**
 * Ranks a version's columns against a label. The parameters are checked against the version's schema before any
 * row is read; the rows come from a temp copy of the version's Parquet (a sample of it when the version has more
 * rows than {@link FeatureRanker#rowCap} allows), read a column at a time and deleted afterwards.
 */
@Service
public class RankingService {
    /** The seed of the sample of a large version: the same version is ranked on the same rows every time. */
    static final long SAMPLE_SEED = 20_240_607L;
    private static final RankingDiscretisation DISCRETISATION = new RankingDiscretisation("equal-width",
            Discretisation.NUMERIC_BINS, Discretisation.MAX_CATEGORIES, "own-value");

    private final DatasetService datasets;
    private final VersionService versions;
    private final ColumnarEngine engine;
    private final VersionReader reader;

    RankingService(DatasetService datasets, VersionService versions, ColumnarEngine engine, VersionReader reader) {
        this.datasets = datasets;
        this.versions = versions;
        this.engine = engine;
        this.reader = reader;
    }

    public FeatureRankingResponse rank(String datasetName, int version, String label, String method, Integer k) {
        String declaredLabel = datasets.require(datasetName).labelColumn();
        TableSchema schema = versions.schema(datasetName, version);
        RankingMethod chosen = method(method);
        String labelColumn = label(label, declaredLabel, schema);
        List<Column> features = schema.columns().stream().filter(c -> !c.name().equals(labelColumn)).toList();
        if (features.isEmpty()) {
            throw Problems.of(ProblemCode.INVALID_PARAMETER, "The version has no column besides the label '"
                    + labelColumn + "' to rank", Map.of("field", "label", "column", labelColumn));
        }
        int wanted = k(k, features.size());

        Path local = engine.tempFile(".parquet");
        Path sample = engine.tempFile(".parquet");
        try {
            versions.copyParquet(datasetName, version, local);
            long versionRows = reader.rowCount(local);
            int cap = FeatureRanker.rowCap(features.size());
            boolean sampled = versionRows > cap;
            Path source = local;
            if (sampled) {
                List<String> columns = new ArrayList<>();
                columns.add(labelColumn);
                features.forEach(c -> columns.add(c.name()));
                reader.sample(local, columns, cap, SAMPLE_SEED, sample);
                source = sample;
            }
            List<String> labels = shared(reader.strings(source, labelColumn));
            if (FeatureRanker.labelled(labels) == 0) {
                throw Problems.of(ProblemCode.NO_ROWS, "No row has a value in the label column '" + labelColumn
                        + "'", Map.of("field", "label", "column", labelColumn));
            }
            List<FeatureColumn> columns = new ArrayList<>(features.size());
            for (Column feature : features) {
                columns.add(feature.type() == ColumnType.NUMERIC
                        ? new FeatureColumn.Numeric(feature.name(), reader.doubles(source, feature.name()))
                        : new FeatureColumn.Categorical(feature.name(), shared(reader.strings(source,
                        feature.name()))));
            }
            Ranking ranking = FeatureRanker.rank(labels, columns, chosen, wanted);
            return new FeatureRankingResponse(chosen.id(), labelColumn, ranking.rows(), ranking.rowsSkipped(),
                    versionRows, sampled, "bits", DISCRETISATION, ranking.features().stream()
                    .map(f -> new RankedFeature(f.name(), f.score(), f.rank())).toList());
        } finally {
            deleteQuietly(local);
            deleteQuietly(sample);
        }
    }

    private static RankingMethod method(String method) {
        if (method == null || method.isBlank()) {
            return RankingMethod.MRMR;
        }
        return RankingMethod.of(method).orElseThrow(() -> Problems.of(ProblemCode.INVALID_PARAMETER,
                "method must be one of mim, jmi, cmim, mrmr; got '" + method + "'", Map.of("field", "method")));
    }

    private static String label(String label, String declared, TableSchema schema) {
        String name = label == null || label.isBlank() ? declared : label.strip();
        if (name == null) {
            throw Problems.of(ProblemCode.INVALID_PARAMETER,
                    "The dataset declares no label column: name the column to rank against with label=",
                    Map.of("field", "label"));
        }
        Column column = schema.column(name).orElseThrow(() -> Problems.of(ProblemCode.UNKNOWN_COLUMN,
                "The version has no column '" + name + "'", Map.of("field", "label", "column", name)));
        if (column.type() == ColumnType.NUMERIC) {
            throw Problems.of(ProblemCode.INVALID_PARAMETER, "The label column '" + name + "' is numeric: ranking "
                    + "needs a classification label (a categorical or boolean column)", Map.of("field", "label", "column", name));
        }
        return name;
    }

    private static int k(Integer k, int features) {
        if (k == null) {
            return features;
        }
        if (k < 1 || k > features) {
            throw Problems.of(ProblemCode.INVALID_PARAMETER, "k must be between 1 and " + features
                    + " (the version's columns besides the label), got " + k, Map.of("field", "k"));
        }
        return k;
    }

    /** The column with one String per distinct value: the engine makes a new one per cell. */
    private static List<String> shared(List<String> values) {
        Map<String, String> seen = new HashMap<>();
        values.replaceAll(v -> v == null ? null : seen.computeIfAbsent(v, x -> x));
        return values;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            // a temp file left in the engine's directory; nothing the caller could do about it
        }
    }
}
