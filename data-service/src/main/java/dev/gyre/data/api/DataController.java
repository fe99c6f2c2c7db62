package dev.gyre.data.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;

import dev.gyre.api.PageResponse;
import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.api.data.CreateDatasetRequest;
import dev.gyre.api.data.DataApi;
import dev.gyre.api.data.DatasetProfileResponse;
import dev.gyre.api.data.DatasetResponse;
import dev.gyre.api.data.DatasetVersionResponse;
import dev.gyre.api.data.IngestRequest;
import dev.gyre.boot.page.Pages;
import dev.gyre.data.dataset.DatasetService;
import dev.gyre.data.version.IngestService;
import dev.gyre.data.version.VersionService;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@link DataApi} over HTTP; mappings come from the interface, plus the multipart upload declared here. */
@RestController
class DataController implements DataApi {

    private final DatasetService datasets;
    private final IngestService ingest;
    private final VersionService versions;

    DataController(DatasetService datasets, IngestService ingest, VersionService versions) {
        this.datasets = datasets;
        this.ingest = ingest;
        this.versions = versions;
    }

    @Override
    public ResponseEntity<DatasetResponse> create(CreateDatasetRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(datasets.create(request));
    }

    @Override
    public PageResponse<DatasetResponse> datasets(int page, int size) {
        return datasets.list(Pages.pageable(page, size, Sort.by("name")));
    }

    @Override
    public DatasetResponse dataset(String name) {
        return datasets.get(name);
    }

    @Override
    public ResponseEntity<DatasetVersionResponse> ingestCsv(String name, byte[] csv) {
        return respond(ingest.ingest(name, csv, IngestService.SOURCE_UPLOAD));
    }

    @PostMapping(path = "/{name}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DatasetVersionResponse> ingestFile(@PathVariable String name,
                                                      @RequestPart("file") MultipartFile file) {
        if (file.isEmpty()) {
            throw Problems.of(ProblemCode.MISSING_BODY, "The part 'file' is empty", Map.of("field", "file"));
        }
        try {
            return respond(ingest.ingest(name, file.getBytes(), IngestService.SOURCE_UPLOAD));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ResponseEntity<DatasetVersionResponse> ingest(String name, IngestRequest request) {
        return respond(ingest.ingest(name, request));
    }

    @Override
    public PageResponse<DatasetVersionResponse> versions(String name, int page, int size) {
        return versions.list(name, Pages.pageable(page, size, Sort.by("version")));
    }

    @Override
    public DatasetVersionResponse version(String name, int version) {
        return versions.version(name, version);
    }

    @Override
    public DatasetProfileResponse profile(String name, int version) {
        return versions.profile(name, version);
    }

    @Override
    public byte[] content(String name, int version, String split) {
        return versions.content(name, version, split);
    }

    private static ResponseEntity<DatasetVersionResponse> respond(IngestService.Ingested ingested) {
        DatasetVersionResponse v = ingested.version();
        if (!ingested.created()) {
            return ResponseEntity.ok(v);
        }
        return ResponseEntity.created(URI.create("/api/v1/datasets/" + v.dataset() + "/versions/" + v.version()))
                .body(v);
    }
}
