package dev.gyre.api.data;

import dev.gyre.api.PageResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * data-service's API: its controller implements this interface and other services call it through an HTTP
 * service client. (Multipart upload is served too, but is not part of this interface.)
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

    /** Ingests CSV bytes: 201 with a new version, or 200 with the existing one when the content is known. */
    @PostExchange(value = "/{name}/versions", contentType = "text/csv")
    ResponseEntity<DatasetVersionResponse> ingestCsv(@PathVariable String name,
                                                     @RequestBody(required = false) byte[] csv);

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

    /** The version's rows as UTF-8 CSV, header first; {@code split} (train, validation, test) may be null. */
    @GetExchange(value = "/{name}/versions/{version}/content", accept = "text/csv;charset=utf-8")
    byte[] content(@PathVariable String name, @PathVariable int version,
                   @RequestParam(required = false) String split);

    /** The whole version's rows as UTF-8 CSV, header first. */
    default byte[] content(String name, int version) {
        return content(name, version, null);
    }
}
