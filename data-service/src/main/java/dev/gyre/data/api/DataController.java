package dev.gyre.data.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.gyre.api.PageResponse;
import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.api.data.CreateDatasetRequest;
import dev.gyre.api.data.CurateRequest;
import dev.gyre.api.data.DataApi;
import dev.gyre.api.data.DatasetProfileResponse;
import dev.gyre.api.data.DatasetResponse;
import dev.gyre.api.data.DatasetVersionResponse;
import dev.gyre.api.data.IngestRequest;
import dev.gyre.api.data.SchemaProposal;
import dev.gyre.api.data.SchemaRequest;
import dev.gyre.boot.page.Pages;
import dev.gyre.data.dataset.DatasetService;
import dev.gyre.api.Caller;
import dev.gyre.api.data.IngestAccepted;
import dev.gyre.api.data.IngestJobResponse;
import dev.gyre.data.job.IngestJobs;
import dev.gyre.api.data.FeatureRankingResponse;
import dev.gyre.data.rank.RankingService;
import dev.gyre.data.version.CurationService;
import dev.gyre.data.version.IngestService;
import dev.gyre.data.version.IngestService.Format;
import dev.gyre.data.version.VersionService;
import dev.gyre.data.version.VersionService.Content;
import dev.gyre.data.version.VersionService.ContentFormat;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.util.MimeTypeUtils;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@link DataApi} over HTTP; mappings come from the interface, plus the multipart upload declared here. */
@RestController
class DataController implements DataApi {
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=utf-8");
    private static final String PREFER = "Prefer";
    private static final MediaType PARQUET_TYPE = MediaType.parseMediaType(DataApi.PARQUET);

    private final DatasetService datasets;
    private final IngestService ingest;
    private final IngestJobs jobs;
    private final VersionService versions;
    private final CurationService curation;
    private final RankingService ranking;

    DataController(DatasetService datasets, IngestService ingest, IngestJobs jobs, VersionService versions,
                   CurationService curation, RankingService ranking) {
        this.datasets = datasets;
        this.curation = curation;
        this.ranking = ranking;
        this.ingest = ingest;
        this.jobs = jobs;
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

    @PostMapping(path = "/{name}/versions", consumes = "text/csv")
    ResponseEntity<?> ingestCsv(@PathVariable String name, @RequestBody(required = false) InputStreamResource csv,
                                @RequestHeader(value = PREFER, required = false) String prefer, Caller caller) {
        return respond(jobs.accept(name, stream(csv), Format.CSV, "body", caller, Prefer.waitOf(prefer)));
    }

    @PostMapping(path = "/{name}/versions", consumes = DataApi.PARQUET)
    ResponseEntity<?> ingestParquet(@PathVariable String name, @RequestBody InputStreamResource parquet,
                                    @RequestHeader(value = PREFER, required = false) String prefer, Caller caller) {
        return respond(jobs.accept(name, stream(parquet), Format.PARQUET, "body", caller, Prefer.waitOf(prefer)));
    }

    /** A part {@code file}: Parquet when its content type or name says so, else CSV. */
    @PostMapping(path = "/{name}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> ingestFile(@PathVariable String name, @RequestPart("file") MultipartFile file,
                                 @RequestHeader(value = PREFER, required = false) String prefer, Caller caller) {
        if (file.isEmpty()) {
            throw Problems.of(ProblemCode.MISSING_BODY, "The part 'file' is empty", Map.of("field", "file"));
        }
        boolean parquet = DataApi.PARQUET.equals(file.getContentType())
                || (file.getOriginalFilename() != null && file.getOriginalFilename().endsWith(".parquet"));
        try (InputStream in = file.getInputStream()) {
            return respond(jobs.accept(name, in, parquet ? Format.PARQUET : Format.CSV, "file", caller,
                    Prefer.waitOf(prefer)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From a source described in JSON ({@code {source:{type:"url", url}}}): always at once. */
    @PostMapping(path = "/{name}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> ingest(@PathVariable String name, @RequestBody IngestRequest request) {
        return respond(new IngestJobs.Done(ingest.ingest(name, request)));
    }

    @Override
    public IngestJobResponse job(String name, long id, String prefer) {
        return jobs.get(name, id, Prefer.waitOf(prefer));
    }

    @Override
    public IngestJobResponse cancelJob(String name, long id) {
        return jobs.cancel(name, id);
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
    public ResponseEntity<DatasetVersionResponse> curate(String name, int version, CurateRequest request) {
        IngestService.Ingested curated = curation.curate(name, version, request);
        return ResponseEntity.status(curated.created() ? HttpStatus.CREATED : HttpStatus.OK).body(curated.version());
    }

    @Override
    public DatasetResponse declareSchema(String name, SchemaRequest request) {
        return datasets.declare(name, request);
    }

    @Override
    public SchemaProposal schemaProposal(String name, int version) {
        return versions.proposal(name, version);
    }

    /** The rows a quarantining validation set aside, as CSV with the row each was and the rules it broke. */
    @GetMapping("/{name}/versions/{version}/quarantine")
    ResponseEntity<InputStreamResource> quarantine(@PathVariable String name, @PathVariable int version) {
        return stream(versions.quarantine(name, version), CSV);
    }

    @Override
    public FeatureRankingResponse featureRanking(String name, int version, String label, String method, Integer k) {
        return ranking.rank(name, version, label, method, k);
    }

    /**
     * The version's rows, streamed: CSV unless Parquet is asked for first (a client that accepts anything gets CSV,
     * as before Parquet); {@code columns} comma-separated, all when absent.
     */
    @GetMapping("/{name}/versions/{version}/content")
    ResponseEntity<InputStreamResource> content(@PathVariable String name, @PathVariable int version,
                                                @RequestParam(required = false) String split,
                                                @RequestParam(required = false) String columns,
                                                @RequestHeader(value = HttpHeaders.ACCEPT, required = false)
                                                String accept) {
        return wantsParquet(accept)
                ? stream(versions.content(name, version, split, columns, ContentFormat.PARQUET), PARQUET_TYPE)
                : stream(versions.content(name, version, split, columns, ContentFormat.CSV), CSV);
    }

    private static boolean wantsParquet(String accept) {
        if (accept == null) {
            return false;
        }
        try {
            List<MediaType> types = new ArrayList<>(MediaType.parseMediaTypes(accept));
            MimeTypeUtils.sortBySpecificity(types);
            return !types.isEmpty() && types.get(0).getQualityValue() > 0
                    && PARQUET_TYPE.equalsTypeAndSubtype(types.get(0));
        } catch (InvalidMediaTypeException e) {
            return false; // an unreadable Accept gets the default, as Spring's own negotiation would
        }
    }

    private static ResponseEntity<InputStreamResource> stream(Content content, MediaType type) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(type);
        if (content.length() != null) {
            response.contentLength(content.length());
        }
        return response.body(new InputStreamResource(content.stream()));
    }

    private static InputStream stream(InputStreamResource body) {
        try {
            return body == null ? null : body.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResponseEntity<?> respond(IngestJobs.Accepted accepted) {
        if (accepted instanceof IngestJobs.Queued queued) {
            return ResponseEntity.accepted()
                    .location(URI.create("/api/v1/datasets/" + queued.job().dataset() + "/jobs/" + queued.job().id()))
                    .body(new IngestAccepted(queued.job()));
        }
        DatasetVersionResponse v = ((IngestJobs.Done) accepted).ingested().version();
        if (!((IngestJobs.Done) accepted).ingested().created()) {
            return ResponseEntity.ok(v);
        }
        return ResponseEntity.created(URI.create("/api/v1/datasets/" + v.dataset() + "/versions/" + v.version()))
                .body(v);
    }
}
