package dev.gyre.data.version;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.api.data.DatasetVersionResponse;
import dev.gyre.api.data.IngestRequest;
import dev.gyre.api.data.IngestSource;
import dev.gyre.core.blob.BlobStore;
import dev.gyre.core.blob.StoredBlob;
import dev.gyre.core.columnar.ColumnarEngine;
import dev.gyre.core.columnar.LoadProgress;
import dev.gyre.core.columnar.ParquetFormatException;
import dev.gyre.core.columnar.VersionWriter;
import dev.gyre.core.columnar.WrittenVersion;
import dev.gyre.core.table.CsvFormatException;
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
 * Ingest of a dataset version. The bytes are spooled to a local file and hashed (the SHA-256 is the version's
 * identity: the same bytes again give the existing version); the engine loads them, infers types, validates against
 * the dataset's declared schema (a version that breaks it is stored as INVALID with its issues), profiles, and
 * writes typed Parquet, which goes into the blob store under its own SHA-256. No row passes through the heap. The
 * database writes (version row, dataset's latest version) are one transaction holding the dataset's row lock, so
 * concurrent uploads get consecutive numbers and the same content twice gives one version.
 */
@Service
public class IngestService {
    public static final String SOURCE_UPLOAD = "upload";
    public static final String SOURCE_URL = "url";
    public static final String SOURCE_JDBC = "jdbc";
    public static final String SOURCE_CURATE = "curate";
    private static final byte[] PARQUET_MAGIC = {'P', 'A', 'R', '1'};

    /** What the ingested bytes are. */
    public enum Format { CSV, PARQUET }

    private final DatasetService datasetService;
    private final DatasetVersionRepository versions;
    private final BlobStore blobs;
    private final TransactionTemplate transaction;
    private final UrlFetcher urlFetcher;
    private final JdbcSource jdbcSource;
    private final ColumnarEngine engine;
    private final VersionWriter writer;
    private final IngestProperties properties;
    private final MeterRegistry meters;
    private final Counter ingestedRows;

    IngestService(DatasetService datasetService, DatasetVersionRepository versions, BlobStore blobs,
                  PlatformTransactionManager transactionManager, UrlFetcher urlFetcher, ColumnarEngine engine,
                  VersionWriter writer, IngestProperties properties, MeterRegistry meters, JdbcSource jdbcSource) {
        this.datasetService = datasetService;
        this.versions = versions;
        this.blobs = blobs;
        this.transaction = new TransactionTemplate(transactionManager);
        this.urlFetcher = urlFetcher;
        this.jdbcSource = jdbcSource;
        this.engine = engine;
        this.writer = writer;
        this.properties = properties;
        this.meters = meters;
        this.ingestedRows = Counter.builder("gyre.data.ingested.rows")
                .description("Rows of newly stored dataset versions").baseUnit("rows").register(meters);
    }

    /** The stored version and whether this call created it (false: the same content was already a version). */
    public record Ingested(DatasetVersionResponse version, boolean created) {
    }

    /**
     * Spools an uploaded body ({@code field} names it in problems) to a local file and hashes it: 404 for an
     * unknown dataset, 400 for no body, 413 above {@code gyre.data.ingest.max-upload}. The caller ingests it now
     * ({@link #ingest(String, Upload, Format, String, String, LoadProgress)}) or queues it.
     */
    public Upload receive(String datasetName, InputStream body, Format format, String field) {
        datasetService.require(datasetName);
        if (body == null) {
            throw emptyBody(format, field);
        }
        return Upload.spool(body, engine.tempFile(".upload"), properties.maxUpload().toBytes(), field);
    }

    /** The version that already holds the content hashing to {@code sha256}, if there is one. */
    public Optional<DatasetVersionResponse> known(String datasetName, String sha256) {
        DatasetRef dataset = datasetService.require(datasetName);
        return versions.findByDatasetIdAndContentHash(dataset.id(), sha256)
                .map(v -> Versions.toResponse(dataset.name(), v));
    }

    /**
     * Ingests a received upload (and deletes its file): 400 problems for content that cannot be read as
     * {@code format}, nothing stored; {@code progress} hears how far the load has come and may cancel it.
     */
    public Ingested ingest(String datasetName, Upload upload, Format format, String source, String field,
                           LoadProgress progress) {
        DatasetRef dataset;
        try {
            dataset = datasetService.require(datasetName);
        } catch (RuntimeException e) {
            upload.close();
            throw e;
        }
        return measured(source, () -> ingest(dataset, upload, format, source, field, progress));
    }

    /** Ingests from a source described in JSON: {@code url} or {@code jdbc}. */
    public Ingested ingest(String datasetName, IngestRequest request) {
        if (request == null || request.source() == null) {
            throw Problems.of(ProblemCode.MISSING_SOURCE, "A JSON ingest needs {source:{type, ...}}",
                    Map.of("field", "source"));
        }
        String type = request.source().type();
        if (SOURCE_JDBC.equals(type)) {
            return ingestJdbc(datasetName, request.source());
        }
        if (!SOURCE_URL.equals(type)) {
            throw Problems.of(ProblemCode.UNSUPPORTED_SOURCE, "source.type '" + type + "' is not supported; use "
                    + "\"url\" or \"jdbc\", or upload the CSV as text/csv or multipart 'file'",
                    Map.of("field", "source.type"));
        }
        URI uri = UrlFetcher.parse(request.source().url());
        DatasetRef dataset = datasetService.require(datasetName); // a 404 before the download, not after
        Path file = engine.tempFile(".download");
        try (OutputStream out = Files.newOutputStream(file)) {
            urlFetcher.fetch(uri, out);
        } catch (IOException | RuntimeException e) {
            Upload.deleteQuietly(file);
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
        Upload upload = Upload.of(file);
        Format format = looksLikeParquet(file) ? Format.PARQUET : Format.CSV;
        return measured(SOURCE_URL, () -> ingest(dataset, upload, format, SOURCE_URL, "source.url",
                LoadProgress.NONE));
    }

    /** The rows of a query on a configured connection, written by {@link JdbcSource} as CSV and ingested as such. */
    private Ingested ingestJdbc(String datasetName, IngestSource source) {
        JdbcSource.Query query = jdbcSource.check(source);
        DatasetRef dataset = datasetService.require(datasetName); // a 404 before the query runs, not after
        Upload upload = jdbcSource.read(query, engine.tempFile(".jdbc.csv"));
        return measured(SOURCE_JDBC, () -> ingest(dataset, upload, Format.CSV, SOURCE_JDBC, JdbcSource.QUERY_FIELD,
                LoadProgress.NONE));
    }

    private Ingested measured(String source, Supplier<Ingested> ingest) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "rejected";
        try {
            Ingested ingested = ingest.get();
            outcome = ingested.created() ? "created" : "existing";
            return ingested;
        } finally {
            sample.stop(Timer.builder("gyre.data.ingest").description("Time to ingest a dataset version")
                    .tag("source", source).tag("outcome", outcome).register(meters));
        }
    }

    private Ingested ingest(DatasetRef dataset, Upload upload, Format format, String source, String field,
                            LoadProgress progress) {
        try (upload) {
            if (upload.size() == 0) {
                throw SOURCE_URL.equals(source)
                        ? Problems.of(ProblemCode.MISSING_BODY, "The URL answered no content", Map.of("field", field))
                        : emptyBody(format, field);
            }
            Optional<DatasetVersion> known = versions.findByDatasetIdAndContentHash(dataset.id(), upload.sha256());
            if (known.isPresent()) {
                return new Ingested(Versions.toResponse(dataset.name(), known.get()), false);
            }
            Path parquet = engine.tempFile(".parquet");
            Path quarantine = engine.tempFile(".quarantine.parquet");
            try {
                // the whole file is read before the label is checked: a CSV error anywhere is reported first
                WrittenVersion written = write(upload.file(), format, new VersionWriter.Declared(
                        Schemas.toCore(dataset.schema()), dataset.rules(), quarantine), parquet, progress);
                requireLabel(written.schema().names(), dataset, field);
                if (written.rows() == 0) {
                    throw Problems.of(ProblemCode.NO_ROWS, "The " + (format == Format.CSV ? "CSV has a header"
                            : "Parquet file has columns") + " but no rows; a version needs at least one row",
                            Map.of("field", field, "line", 2));
                }
                StoredBlob content = blobs.put(parquet);
                String setAside = written.quarantined() > 0 ? blobs.put(quarantine).key() : null;
                return save(dataset, upload.sha256(), content, written, source,
                        v -> setAside == null ? v : v.quarantined(setAside, written.quarantined()));
            } finally {
                Upload.deleteQuietly(parquet);
                Upload.deleteQuietly(quarantine);
            }
        }
    }

    /**
     * Stores a version curated from {@code parent} (its Parquet in {@code parquet}) under {@code hash}, the
     * identity of parent and recipe: 400 when the recipe left no rows or took away the label column.
     */
    Ingested saveCurated(DatasetRef dataset, String hash, Path parquet, WrittenVersion written, int parent,
                         Map<String, Object> recipe, List<StoredStep> steps,
                         java.util.function.UnaryOperator<DatasetVersion> split) {
        requireLabel(written.schema().names(), dataset, "recipe");
        if (written.rows() == 0) {
            throw Problems.of(ProblemCode.NO_ROWS, "The recipe removes every row of version " + parent
                    + "; a version needs at least one row", Map.of("field", "recipe"));
        }
        return save(dataset, hash, blobs.put(parquet), written, SOURCE_CURATE, v -> split.apply(v.derived(parent, recipe, steps)));
    }

    private Ingested save(DatasetRef dataset, String hash, StoredBlob content, WrittenVersion written, String source,
                          java.util.function.UnaryOperator<DatasetVersion> lineage) {
        Ingested ingested = transaction.execute(status -> {
            datasetService.lock(dataset);
            Optional<DatasetVersion> raced = versions.findByDatasetIdAndContentHash(dataset.id(), hash);
            if (raced.isPresent()) {
                return new Ingested(Versions.toResponse(dataset.name(), raced.get()), false);
            }
            DatasetVersion version = versions.save(lineage.apply(new DatasetVersion(dataset.id(),
                    datasetService.claimNextVersion(dataset), hash, written.rows(),
                    written.schema().columns().stream().map(Versions::stored).toList(), written.valid(),
                    written.issues().stream().map(Versions::stored).toList(),
                    written.rules().stream().map(Versions::stored).toList(), Versions.stored(written.profile()),
                    source, content.key(), content.size())));
            return new Ingested(Versions.toResponse(dataset.name(), version), true);
        });
        if (ingested.created()) {
            ingestedRows.increment(written.rows());
            meters.counter("gyre.data.ingested.versions", "status", ingested.version().status()).increment();
        }
        return ingested;
    }

    private WrittenVersion write(Path file, Format format, VersionWriter.Declared declared, Path parquet,
                                 LoadProgress progress) {
        try {
            return format == Format.CSV ? writer.fromCsv(file, declared, parquet, progress)
                    : writer.fromParquet(file, declared, parquet, progress);
        } catch (CsvFormatException e) {
            throw invalidCsv(e);
        } catch (ParquetFormatException e) {
            throw invalidParquet(e);
        }
    }

    private static RuntimeException invalidCsv(CsvFormatException e) {
        Map<String, Object> where = new LinkedHashMap<>();
        where.put("line", e.line());
        if (e.column() != null) {
            where.put("column", e.column());
        }
        return Problems.of(ProblemCode.INVALID_CSV, e.getMessage(), where);
    }

    private static RuntimeException invalidParquet(ParquetFormatException e) {
        return Problems.of(ProblemCode.INVALID_PARQUET, e.getMessage(),
                e.column() == null ? Map.of("field", "body") : Map.of("field", "body", "column", e.column()));
    }

    private static RuntimeException emptyBody(Format format, String field) {
        return Problems.of(ProblemCode.MISSING_BODY, "The request has no " + (format == Format.CSV ? "CSV" : "Parquet")
                + " content", Map.of("field", field));
    }

    /** Parquet files start (and end) with the magic bytes PAR1. */
    private static boolean looksLikeParquet(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(4), PARQUET_MAGIC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** When the dataset declares a label column, a version must have it. */
    private static void requireLabel(List<String> header, DatasetRef dataset, String field) {
        String label = dataset.labelColumn();
        if (label != null && !header.contains(label)) {
            String shown = String.join(", ", header.stream().limit(5)
                    .map(n -> "\"" + (n.length() > 40 ? n.substring(0, 40) + "…" : n) + "\"").toList())
                    + (header.size() > 5 ? ", … (" + header.size() + " columns)" : "");
            throw Problems.of(ProblemCode.MISSING_LABEL_COLUMN, "The file has no column '" + label + "', the label "
                    + "column of dataset '" + dataset.name() + "'; its header is: " + shown,
                    Map.of("field", field, "column", label, "line", 1));
        }
    }
}
