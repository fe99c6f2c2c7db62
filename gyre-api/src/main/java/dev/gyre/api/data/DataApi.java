package dev.gyre.api.data;

import dev.gyre.api.PageResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * data-service's API: its controller implements this interface and other services call it through an HTTP
 * service client. Served too but not part of this interface, because they stream what an HTTP service client
 * would buffer, or answer one of two bodies: ingest ({@code POST /{name}/versions}: CSV, Parquet, multipart or
 * JSON source; 201/200 with the version, or 202 {@link IngestAccepted} for a large upload) and a version's content
 * ({@code GET /{name}/versions/{version}/content}, CSV or Parquet; services download it with gyre-boot's
 * {@code VersionDownloads}).
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
     * A background ingest of a large upload: status, progress, and the version once it succeeded. With
     * {@code prefer} {@code "wait=N"} (RFC 7240) the answer comes when the job ends or after N seconds (at most 20),
     * whichever is first; null answers at once.
     */
    @GetExchange("/{name}/jobs/{id}")
    IngestJobResponse job(@PathVariable String name, @PathVariable long id,
                          @RequestHeader(value = "Prefer", required = false) String prefer);

    /** Cancels a QUEUED or RUNNING ingest job (a running one stops at its next progress report); 409 if finished. */
    @PostExchange("/{name}/jobs/{id}/cancel")
    IngestJobResponse cancelJob(@PathVariable String name, @PathVariable long id);

    @GetExchange("/{name}/versions")
    PageResponse<DatasetVersionResponse> versions(@PathVariable String name,
                                                  @RequestParam(defaultValue = "0") int page,
                                                  @RequestParam(defaultValue = "50") int size);

    @GetExchange("/{name}/versions/{version}")
    DatasetVersionResponse version(@PathVariable String name, @PathVariable int version);

    @GetExchange("/{name}/versions/{version}/profile")
    DatasetProfileResponse profile(@PathVariable String name, @PathVariable int version);

    /**
     * The version's other columns ranked by relevance to {@code label} (default: the dataset's label column, which
     * must be categorical or boolean) by {@code method} ({@code mim}, {@code jmi}, {@code cmim} or {@code mrmr},
     * the default), the best {@code k} (default: all). 400 {@code invalid-parameter} naming the parameter at fault,
     * {@code unknown-column} for a label the version lacks.
     */
    @GetExchange("/{name}/versions/{version}/feature-ranking")
    FeatureRankingResponse featureRanking(@PathVariable String name, @PathVariable int version,
                                          @RequestParam(required = false) String label,
                                          @RequestParam(required = false) String method,
                                          @RequestParam(required = false) Integer k);

    /** A new version derived from {@code version} by a recipe: 201, or 200 with the version the same recipe made. */
    @PostExchange("/{name}/versions/{version}/curate")
    ResponseEntity<DatasetVersionResponse> curate(@PathVariable String name, @PathVariable int version,
                                                  @RequestBody CurateRequest request);

    /** Replaces the dataset's declared schema and rules; a schema proposal can be sent as it is. */
    @PutExchange(value = "/{name}/schema", contentType = "application/json")
    DatasetResponse declareSchema(@PathVariable String name, @RequestBody SchemaRequest request);

    /** A schema inferred from the version, ready for {@link #declareSchema}. */
    @GetExchange("/{name}/versions/{version}/schema-proposal")
    SchemaProposal schemaProposal(@PathVariable String name, @PathVariable int version);
}
