package dev.gyre.data.dataset;

import java.util.List;
import java.util.Map;

import dev.gyre.api.Names;
import dev.gyre.api.PageResponse;
import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.api.data.ColumnSpec;
import dev.gyre.api.data.CreateDatasetRequest;
import dev.gyre.api.data.DatasetResponse;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and reads datasets. */
@Service
public class DatasetService {
    private final DatasetRepository datasets;

    DatasetService(DatasetRepository datasets) {
        this.datasets = datasets;
    }

    /** Creates a dataset; 400 naming the field for a bad name or schema, 409 if the name is taken. */
    @Transactional
    public DatasetResponse create(CreateDatasetRequest request) {
        if (request == null) {
            throw Problems.of(ProblemCode.MALFORMED_REQUEST, "A JSON body {name, ...} is required");
        }
        String name = Names.require("name", request.name());
        List<ColumnSpec> schema = Schemas.normalize(request.schema());
        String label = request.labelColumn();
        if (label != null && schema != null && schema.stream().noneMatch(c -> c.name().equals(label))) {
            throw Problems.of(ProblemCode.INVALID_SCHEMA, "labelColumn '" + label + "' is not a declared column",
                    Map.of("field", "labelColumn"));
        }
        if (datasets.existsByName(name)) {
            throw Problems.of(ProblemCode.DATASET_EXISTS, "Dataset '" + name + "' already exists");
        }
        // A concurrent create of the same name fails on the unique constraint: ProblemHandler makes that a 409.
        return toResponse(datasets.saveAndFlush(new Dataset(name, request.description(), label, schema)));
    }

    /** The dataset or a 404 problem. */
    @Transactional(readOnly = true)
    public Dataset require(String name) {
        return datasets.findByName(name).orElseThrow(() -> Problems.notFound("Dataset", name));
    }

    @Transactional(readOnly = true)
    public PageResponse<DatasetResponse> list(Pageable pageable) {
        Page<Dataset> page = datasets.findAll(pageable);
        return new PageResponse<>(page.map(DatasetService::toResponse).getContent(),
                pageable.getPageNumber(), pageable.getPageSize(), page.getTotalElements());
    }

    public static DatasetResponse toResponse(Dataset dataset) {
        return new DatasetResponse(dataset.getName(), dataset.getDescription(), dataset.getLabelColumn(),
                dataset.getSchema(), dataset.getLatestVersion(), dataset.getCreatedAt());
    }
}
