package dev.gyre.data.version;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.api.data.DatasetVersionResponse;
import dev.gyre.api.data.IngestRequest;
import dev.gyre.core.blob.BlobStore;
import dev.gyre.core.blob.Digests;
import dev.gyre.core.profile.Profiler;
import dev.gyre.core.table.Column;
import dev.gyre.core.table.CsvFormatException;
import dev.gyre.core.table.CsvTables;
import dev.gyre.core.table.SchemaValidator;
import dev.gyre.core.table.Table;
import dev.gyre.core.table.TableSchema;
import dev.gyre.core.table.TypeInference;
import dev.gyre.data.dataset.DatasetService;
import dev.gyre.data.dataset.DatasetService.DatasetRef;
import dev.gyre.data.dataset.Schemas;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ingest of a dataset version: parse the CSV, infer column types, validate against the dataset's declared
 * schema (a version that breaks it is stored as INVALID with its issues), profile, and store the bytes once
 * in the blob store under their SHA-256. Parsing and profiling happen before any write; the writes (blob,
 * version row, dataset's latest version) are one transaction holding the dataset's row lock, so concurrent
 * uploads get consecutive numbers and the same content twice gives one version.
 */
@Service
public class IngestService {
    public static final String SOURCE_UPLOAD = "upload";
    public static final String SOURCE_URL = "url";

    private final DatasetService datasetService;
    private final DatasetVersionRepository versions;
    private final BlobStore blobs;
    private final TransactionTemplate transaction;
    private final UrlFetcher urlFetcher;
    private final MeterRegistry meters;
    private final Counter ingestedRows;

    IngestService(DatasetService datasetService, DatasetVersionRepository versions, BlobStore blobs,
                  PlatformTransactionManager transactionManager, UrlFetcher urlFetcher,
                  MeterRegistry meters) {
        this.datasetService = datasetService;
        this.versions = versions;
        this.blobs = blobs;
        this.transaction = new TransactionTemplate(transactionManager);
        this.urlFetcher = urlFetcher;
        this.meters = meters;
        this.ingestedRows = Counter.builder("gyre.data.ingested.rows")
                .description("Rows of newly stored dataset versions").baseUnit("rows").register(meters);
    }

    /** The stored version and whether this call created it (false: the same content was already a version). */
    public record Ingested(DatasetVersionResponse version, boolean created) {
    }

    /** Ingests CSV bytes; a 400 problem for an empty body or a CSV that cannot be read (nothing is stored). */
    public Ingested ingest(String datasetName, byte[] content, String source) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "rejected";
        try {
            Ingested ingested = doIngest(datasetName, content, source);
            outcome = ingested.created() ? "created" : "existing";
            return ingested;
        } finally {
            sample.stop(Timer.builder("gyre.data.ingest").description("Time to ingest a dataset version")
                    .tag("source", source).tag("outcome", outcome).register(meters));
        }
    }

    /** Ingests from a source described in JSON; only {@code url} is supported so far. */
    public Ingested ingest(String datasetName, IngestRequest request) {
        if (request == null || request.source() == null) {
            throw Problems.of(ProblemCode.MISSING_SOURCE, "A JSON ingest needs {source:{type, ...}}",
                    Map.of("field", "source"));
        }
        String type = request.source().type();
        if (!SOURCE_URL.equals(type)) {
            throw Problems.of(ProblemCode.UNSUPPORTED_SOURCE, "source.type '" + type + "' is not supported; use "
                    + "\"url\", or upload the CSV as text/csv or multipart 'file'", Map.of("field", "source.type"));
        }
        URI uri = UrlFetcher.parse(request.source().url());
        datasetService.require(datasetName); // a 404 before the download, not after
        return ingest(datasetName, urlFetcher.fetch(uri), SOURCE_URL);
    }

    private Ingested doIngest(String datasetName, byte[] content, String source) {
        DatasetRef dataset = datasetService.require(datasetName);
        String field = SOURCE_URL.equals(source) ? "source.url" : "body";
        if (content == null || content.length == 0) {
            throw Problems.of(ProblemCode.MISSING_BODY, SOURCE_URL.equals(source) ? "The URL answered no content"
                    : "The request has no CSV content", Map.of("field", field));
        }
        String hash = Digests.sha256Hex(content);
        Optional<DatasetVersion> known = versions.findByDatasetIdAndContentHash(dataset.id(), hash);
        if (known.isPresent()) {
            return new Ingested(Versions.toResponse(datasetName, known.get()), false);
        }

        Table table = read(content);
        requireUsable(table, dataset, field);
        TableSchema declared = Schemas.toCore(dataset.schema());
        TableSchema columns = effectiveSchema(TypeInference.infer(table), declared);
        List<StoredIssue> issues = declared == null ? List.of()
                : SchemaValidator.validate(table, declared).stream().map(Versions::stored).toList();
        StoredProfile profile = Versions.stored(Profiler.profile(table, columns));
        List<StoredColumn> storedColumns = columns.columns().stream().map(Versions::stored).toList();

        Ingested ingested = transaction.execute(status -> {
            datasetService.lock(dataset);
            Optional<DatasetVersion> raced = versions.findByDatasetIdAndContentHash(dataset.id(), hash);
            if (raced.isPresent()) {
                return new Ingested(Versions.toResponse(datasetName, raced.get()), false);
            }
            blobs.put(content);
            DatasetVersion version = versions.save(new DatasetVersion(dataset.id(), datasetService.claimNextVersion(dataset), hash,
                    table.rowCount(), storedColumns, issues, profile, source));
            return new Ingested(Versions.toResponse(datasetName, version), true);
        });
        if (ingested.created()) {
            ingestedRows.increment(table.rowCount());
            meters.counter("gyre.data.ingested.versions", "status", ingested.version().status()).increment();
        }
        return ingested;
    }

    private static Table read(byte[] content) {
        try {
            return CsvTables.read(content);
        } catch (CsvFormatException e) {
            throw Problems.of(ProblemCode.INVALID_CSV, e.getMessage(), Map.of("line", e.line()));
        }
    }

    /**
     * A version must be usable for training: at least one row and, when the dataset declares a label column, that
     * column. (A JSON document sent as text/csv parses as a one-line CSV and fails here, not later.)
     */
    private static void requireUsable(Table table, DatasetRef dataset, String field) {
        String label = dataset.labelColumn();
        if (label != null && !table.header().contains(label)) {
            List<String> header = table.header();
            String shown = String.join(", ", header.stream().limit(5)
                    .map(n -> "\"" + (n.length() > 40 ? n.substring(0, 40) + "…" : n) + "\"").toList())
                    + (header.size() > 5 ? ", … (" + header.size() + " columns)" : "");
            throw Problems.of(ProblemCode.MISSING_LABEL_COLUMN, "The CSV has no column '" + label + "', the label "
                    + "column of dataset '" + dataset.name() + "'; its header is: " + shown,
                    Map.of("field", field, "column", label, "line", 1));
        }
        if (table.rowCount() == 0) {
            throw Problems.of(ProblemCode.NO_ROWS, "The CSV has a header but no rows; a version needs at least one "
                    + "row", Map.of("field", field, "line", 2));
        }
    }

    /**
     * The version's columns in file order: a declared column keeps its declared type and nullability (so a
     * numeric-looking code declared categorical stays categorical), an undeclared one gets the inferred ones.
     */
    private static TableSchema effectiveSchema(TableSchema inferred, TableSchema declared) {
        if (declared == null) {
            return inferred;
        }
        List<Column> columns = inferred.columns().stream()
                .map(c -> declared.column(c.name()).orElse(c))
                .toList();
        return new TableSchema(columns);
    }
}
