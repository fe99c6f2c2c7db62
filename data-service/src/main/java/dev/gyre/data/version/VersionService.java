package dev.gyre.data.version;

import java.util.Map;

import dev.gyre.api.PageResponse;
import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.api.data.DatasetProfileResponse;
import dev.gyre.api.data.DatasetVersionResponse;
import dev.gyre.boot.page.Pages;
import dev.gyre.core.blob.BlobStore;
import dev.gyre.data.dataset.DatasetService;
import dev.gyre.data.dataset.DatasetService.DatasetRef;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of versions: metadata, profile and content. Unknown datasets and versions are 404 problems. */
@Service
@Transactional(readOnly = true)
public class VersionService {
    private final DatasetService datasetService;
    private final DatasetVersionRepository versions;
    private final BlobStore blobs;

    VersionService(DatasetService datasetService, DatasetVersionRepository versions, BlobStore blobs) {
        this.datasetService = datasetService;
        this.versions = versions;
        this.blobs = blobs;
    }

    public PageResponse<DatasetVersionResponse> list(String datasetName, Pageable pageable) {
        DatasetRef dataset = datasetService.require(datasetName);
        Page<DatasetVersion> page = versions.findByDatasetId(dataset.id(), pageable);
        return Pages.response(page, v -> Versions.toResponse(datasetName, v));
    }

    public DatasetVersionResponse version(String datasetName, int version) {
        return Versions.toResponse(datasetName, require(datasetName, version));
    }

    public DatasetProfileResponse profile(String datasetName, int version) {
        return Versions.toWire(require(datasetName, version).getProfile());
    }

    /** The stored CSV bytes, exactly as uploaded. */
    public byte[] content(String datasetName, int version, String split) {
        if (split != null) {
            throw Problems.of(ProblemCode.UNSUPPORTED_SPLIT, "split='" + split + "' is not supported yet: "
                    + "splits come with curated versions", Map.of("field", "split"));
        }
        DatasetVersion v = require(datasetName, version);
        return blobs.get(v.getContentHash()).orElseThrow(() -> new IllegalStateException(
                "blob " + v.getContentHash() + " of " + datasetName + " v" + version + " is missing"));
    }

    private DatasetVersion require(String datasetName, int version) {
        DatasetRef dataset = datasetService.require(datasetName);
        return versions.findByDatasetIdAndVersion(dataset.id(), version)
                .orElseThrow(() -> Problems.notFound("Version", datasetName + "@" + version));
    }
}
