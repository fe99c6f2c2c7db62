package dev.gyre.data.dataset;

import java.util.List;
import java.util.Map;

import dev.gyre.api.Names;
import dev.gyre.api.PageResponse;
import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.api.data.ColumnSpec;
import dev.gyre.api.data.CreateDatasetRequest;
import dev.gyre.api.data.SchemaRequest;
import dev.gyre.core.columnar.ColumnarEngine;
import dev.gyre.core.table.Rules;
import dev.gyre.api.data.DatasetResponse;
import dev.gyre.boot.page.Pages;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Creates and reads datasets. */
@Service
public class DatasetService {
    private final DatasetRepository datasets;

    private final Schemas.PatternCheck patterns;

    DatasetService(DatasetRepository datasets, ColumnarEngine engine) {
        this.datasets = datasets;
        this.patterns = pattern -> {
            // the engine's regular expressions (RE2) are not Java's: let the engine itself say
            try (java.sql.Connection c = engine.connect();
                 java.sql.PreparedStatement s = c.prepareStatement("SELECT regexp_full_match('', ?)")) {
                s.setString(1, pattern);
                s.executeQuery().close();
                return null;
            } catch (java.sql.SQLException e) {
                return String.valueOf(e.getMessage()).lines().findFirst().orElse("invalid");
            }
        };
    }

    /** Creates a dataset; 400 naming the field for a bad name or schema, 409 if the name is taken. */
    @Transactional
    public DatasetResponse create(CreateDatasetRequest request) {
        if (request == null) {
            throw Problems.of(ProblemCode.MALFORMED_REQUEST, "A JSON body {name, ...} is required");
        }
        String name = Names.require("name", request.name());
        List<ColumnSpec> schema = Schemas.normalize(request.schema(), patterns);
        String onError = Schemas.onError(request.onError(), "onError");
        Long minRows = Schemas.minRows(request.minRows(), "minRows");
        String label = request.labelColumn();
        if (label != null && schema != null && schema.stream().noneMatch(c -> c.name().equals(label))) {
            throw Problems.of(ProblemCode.INVALID_SCHEMA, "labelColumn '" + label + "' is not a declared column",
                    Map.of("field", "labelColumn"));
        }
        if (datasets.existsByName(name)) {
            throw Problems.of(ProblemCode.DATASET_EXISTS, "Dataset '" + name + "' already exists");
        }
        // A concurrent create of the same name fails on the unique constraint: ProblemHandler makes that a 409.
        Dataset dataset = new Dataset(name, request.description(), label, Datasets.stored(schema));
        dataset.declare(Datasets.stored(schema), minRows, onError);
        return Datasets.toResponse(datasets.saveAndFlush(dataset));
    }

    /**
     * Replaces the dataset's declared schema and rules (a schema proposal's shape); versions already stored keep
     * the report they were checked with. 400 naming the field for a bad rule, or a label column left undeclared.
     */
    @Transactional
    public DatasetResponse declare(String name, SchemaRequest request) {
        if (request == null || request.schema() == null) {
            throw Problems.of(ProblemCode.INVALID_SCHEMA, "A JSON body {schema:[{name, type, ...}], minRows?, "
                    + "onError?} is required", Map.of("field", "schema"));
        }
        List<ColumnSpec> schema = Schemas.normalize(request.schema(), patterns);
        String onError = Schemas.onError(request.onError(), "onError");
        Long minRows = Schemas.minRows(request.minRows(), "minRows");
        Dataset dataset = datasets.lockById(find(name).getId()).orElseThrow(() -> Problems.notFound("Dataset", name));
        String label = dataset.getLabelColumn();
        if (label != null && schema.stream().noneMatch(c -> c.name().equals(label))) {
            throw Problems.of(ProblemCode.INVALID_SCHEMA, "the label column '" + label + "' must be a declared column",
                    Map.of("field", "schema"));
        }
        dataset.declare(Datasets.stored(schema), minRows, onError);
        return Datasets.toResponse(dataset);
    }

    /** What another feature may know of a dataset: its row id and what its versions are checked against. */
    public record DatasetRef(long id, String name, String labelColumn, List<ColumnSpec> schema, Long minRows,
                             String onError) {
        /** The declared rules as gyre-core's, for the writer. */
        public Rules rules() {
            return Schemas.toRules(schema, minRows, onError);
        }
    }

    /** The dataset or a 404 problem. */
    @Transactional(readOnly = true)
    public DatasetRef require(String name) {
        return Datasets.toRef(find(name));
    }

    /** The name of the dataset with row id {@code id} (which exists: rows are never deleted). */
    @Transactional(readOnly = true)
    public String nameOf(long id) {
        return datasets.findById(id).map(Dataset::getName)
                .orElseThrow(() -> new IllegalStateException("no dataset with id " + id));
    }

    /** The dataset as the API shows it, or a 404 problem. */
    @Transactional(readOnly = true)
    public DatasetResponse get(String name) {
        return Datasets.toResponse(find(name));
    }

    /** Takes the dataset's row lock ({@code select ... for update}), held until the caller's transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(DatasetRef dataset) {
        locked(dataset);
    }

    /** Claims the dataset's next version number, under its row lock, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int claimNextVersion(DatasetRef dataset) {
        return locked(dataset).nextVersion();
    }

    private Dataset find(String name) {
        return datasets.findByName(name).orElseThrow(() -> Problems.notFound("Dataset", name));
    }

    private Dataset locked(DatasetRef dataset) {
        return datasets.lockById(dataset.id()).orElseThrow(() -> Problems.notFound("Dataset", dataset.name()));
    }

    @Transactional(readOnly = true)
    public PageResponse<DatasetResponse> list(Pageable pageable) {
        Page<Dataset> page = datasets.findAll(pageable);
        return Pages.response(page, Datasets::toResponse);
    }
}
