package dev.gyre.api.data;

import java.io.ByteArrayInputStream;

import dev.gyre.api.PageResponse;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * data-service's API: its controller implements this interface and other services call it through an HTTP
 * service client. Served too but not part of this interface: multipart upload, and a version's content
 * ({@code GET /{name}/versions/{version}/content}, CSV or Parquet), which is streamed and which an HTTP service
 * client would buffer: services download it with gyre-boot's {@code VersionDownloads}.
 */
@HttpExchange("/api/v1/datasets")
public interface DataApi {

    /** Creates a dataset (201); 409 if the name exists. */
    @PostExchange(contentType = "application/json")
    ResponseEntity<DatasetResponse> create(@RequestBody CreateDatasetRequest request);

    @GetExchange
    PageResponse<DatasetResponse> datasets(@RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "20") int size);

    @GetExchange("/{name}")
    DatasetResponse dataset(@PathVariable String name);

    /** The media type of a version's content as Parquet (and of a Parquet upload). */
    String PARQUET = "application/vnd.apache.parquet";

    /**
     * Ingests a CSV body, streamed: 201 with a new version, or 200 with the existing one when the content is known.
     */
    @PostExchange(value = "/{name}/versions", contentType = "text/csv")
    ResponseEntity<DatasetVersionResponse> ingestCsv(@PathVariable String name,
                                                     @RequestBody(required = false) InputStreamResource csv);

    /** Ingests a Parquet file, streamed; statuses as for {@link #ingestCsv}. */
    @PostExchange(value = "/{name}/versions", contentType = PARQUET)
    ResponseEntity<DatasetVersionResponse> ingestParquet(@PathVariable String name,
                                                         @RequestBody InputStreamResource parquet);

    /** Ingests CSV bytes already in memory (small files: tests, examples). */
    default ResponseEntity<DatasetVersionResponse> ingestCsv(String name, byte[] csv) {
        return ingestCsv(name, new InputStreamResource(new ByteArrayInputStream(csv)));
    }

    /** Ingests from a source ({@code {source:{type:"url", url}}}); statuses as for {@link #ingestCsv}. */
    @PostExchange(value = "/{name}/versions", contentType = "application/json")
    ResponseEntity<DatasetVersionResponse> ingest(@PathVariable String name, @RequestBody IngestRequest request);

    @GetExchange("/{name}/versions")
    PageResponse<DatasetVersionResponse> versions(@PathVariable String name,
                                                  @RequestParam(defaultValue = "0") int page,
                                                  @RequestParam(defaultValue = "50") int size);

    @GetExchange("/{name}/versions/{version}")
    DatasetVersionResponse version(@PathVariable String name, @PathVariable int version);

    @GetExchange("/{name}/versions/{version}/profile")
    DatasetProfileResponse profile(@PathVariable String name, @PathVariable int version);
}
