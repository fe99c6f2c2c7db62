package dev.gyre.data.version;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.api.data.CurateRequest;
import dev.gyre.core.blob.BlobStore;
import dev.gyre.core.blob.Digests;
import dev.gyre.core.columnar.ColumnarEngine;
import dev.gyre.core.columnar.Curator;
import dev.gyre.core.columnar.LoadProgress;
import dev.gyre.core.columnar.VersionWriter;
import dev.gyre.core.columnar.WrittenVersion;
import dev.gyre.core.curate.Recipe;
import dev.gyre.core.curate.RecipeException;
import dev.gyre.core.table.Column;
import dev.gyre.core.table.Rules;
import dev.gyre.core.table.TableSchema;
import dev.gyre.data.dataset.DatasetService;
import dev.gyre.data.dataset.DatasetService.DatasetRef;
import dev.gyre.data.dataset.Schemas;
import dev.gyre.data.version.IngestService.Ingested;
import org.springframework.stereotype.Service;

/**
 * Curation: a recipe run over a version makes a new version of the same dataset whose lineage names the parent,
 * the recipe and what each step did. Its identity is the SHA-256 of the parent's content hash and the parsed
 * recipe, so the same recipe on the same parent gives the same version again. Types carry over from the parent;
 * the new version is profiled as an ingest is.
 */
@Service
public class CurationService {
    private final DatasetService datasetService;
    private final VersionService versionService;
    private final DatasetVersionRepository versions;
    private final IngestService ingest;
    private final ColumnarEngine engine;
    private final Curator curator;
    private final VersionWriter writer;
    private final BlobStore blobs;

    CurationService(DatasetService datasetService, VersionService versionService, DatasetVersionRepository versions,
                    IngestService ingest, ColumnarEngine engine, Curator curator, VersionWriter writer,
                    BlobStore blobs) {
        this.blobs = blobs;
        this.datasetService = datasetService;
        this.versionService = versionService;
        this.versions = versions;
        this.ingest = ingest;
        this.engine = engine;
        this.curator = curator;
        this.writer = writer;
    }

    public Ingested curate(String datasetName, int version, CurateRequest request) {
        DatasetRef dataset = datasetService.require(datasetName);
        DatasetVersion parent = versionService.require(datasetName, version);
        Recipe recipe = parse(request);
        String hash = identity(parent, recipe);
        Optional<DatasetVersion> known = versions.findByDatasetIdAndContentHash(dataset.id(), hash);
        if (known.isPresent()) {
            return new Ingested(Versions.toResponse(dataset.name(), known.get()), false);
        }
        Path local = engine.tempFile(".parquet");
        Path curatedFile = engine.tempFile(".parquet");
        Path typed = engine.tempFile(".parquet");
        Path splitFile = engine.tempFile(".split.parquet");
        try {
            versionService.copyParquet(parent, datasetName, local);
            Curator.Curated curated;
            try {
                curated = curator.curate(local, Versions.schema(parent), dataset.labelColumn(), recipe, curatedFile,
                        splitFile);
            } catch (RecipeException e) {
                throw invalid(e);
            }
            WrittenVersion written = writer.fromParquet(curatedFile, checks(dataset, curated.schema()), typed,
                    LoadProgress.NONE);
            // the typed file keeps the curated rows' order: the split file's values line up with its rows
            String split = curated.splits() == null ? null : blobs.put(splitFile).key();
            return ingest.saveCurated(dataset, hash, typed, written, parent.getVersion(), request.recipe(),
                    curated.steps().stream().map(s -> new StoredStep(s.op(), s.rowsChanged(), s.valuesChanged(),
                            s.fitted()))
                            .toList(), split == null ? v -> v : v -> v.split(split, curated.splits()));
        } finally {
            Upload.deleteQuietly(local);
            Upload.deleteQuietly(curatedFile);
            Upload.deleteQuietly(typed);
            Upload.deleteQuietly(splitFile);
        }
    }

    /**
     * What a curated version is checked against: its own columns and types, with the nullability and rules the
     * dataset declares for each column it keeps under the declared name and type (a column renamed or cast leaves
     * its rules behind; one dropped is not missing), and the dataset's minimum rows. Failing rows are not set aside:
     * a quarantine would reorder nothing but leave the split file out of step, so an error makes the version INVALID.
     */
    private static VersionWriter.Declared checks(DatasetRef dataset, TableSchema curated) {
        TableSchema declared = Schemas.toCore(dataset.schema());
        List<Column> columns = new ArrayList<>();
        List<Rules.ColumnRules> rules = new ArrayList<>();
        for (Column column : curated.columns()) {
            Column kept = declared == null ? null : declared.column(column.name())
                    .filter(d -> d.type() == column.type()).orElse(null);
            columns.add(kept == null ? column : kept);
            if (kept != null) {
                dataset.rules().of(column.name()).ifPresent(rules::add);
            }
        }
        return new VersionWriter.Declared(new TableSchema(columns), new Rules(rules, dataset.rules().minRows(), false),
                null);
    }

    private static Recipe parse(CurateRequest request) {
        try {
            return Recipe.parse(request == null ? null : request.recipe());
        } catch (RecipeException e) {
            throw invalid(e);
        }
    }

    private static RuntimeException invalid(RecipeException e) {
        Map<String, Object> where = new LinkedHashMap<>();
        where.put("field", e.step() != null ? "recipe.steps[" + e.step() + "]"
                : "split".equals(e.op()) ? "recipe.split" : "recipe");
        if (e.step() != null) {
            where.put("step", e.step());
        }
        if (e.op() != null) {
            where.put("op", e.op());
        }
        if (e.column() != null) {
            where.put("column", e.column());
        }
        return Problems.of(ProblemCode.INVALID_RECIPE, e.getMessage(), where);
    }

    /** The parsed recipe's text is stable: the same steps give the same identity whatever the JSON's spacing. */
    private static String identity(DatasetVersion parent, Recipe recipe) {
        return Digests.sha256Hex(("curate\n" + parent.getContentHash() + "\n" + recipe)
                .getBytes(StandardCharsets.UTF_8));
    }
}
