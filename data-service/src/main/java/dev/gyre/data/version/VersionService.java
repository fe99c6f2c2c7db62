package dev.gyre.data.version;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.gyre.api.PageResponse;
import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.api.data.ColumnSpec;
import dev.gyre.api.data.DatasetProfileResponse;
import dev.gyre.api.data.SchemaProposal;
import dev.gyre.api.data.DatasetVersionResponse;
import dev.gyre.boot.page.Pages;
import dev.gyre.core.blob.BlobStore;
import dev.gyre.core.blob.StoredBlob;
import dev.gyre.core.columnar.ColumnarEngine;
import dev.gyre.core.columnar.VersionReader;
import dev.gyre.core.columnar.VersionWriter;
import dev.gyre.core.table.Column;
import dev.gyre.core.table.TableSchema;
import dev.gyre.data.dataset.DatasetService;
import dev.gyre.data.dataset.DatasetService.DatasetRef;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Reads of versions: metadata, profile and content. Unknown datasets and versions are 404 problems. */
@Service
@Transactional(readOnly = true)
public class VersionService {
    private final DatasetService datasetService;
    private final DatasetVersionRepository versions;
    private final BlobStore blobs;
    private final ColumnarEngine engine;
    private final VersionReader reader;
    private final VersionWriter writer;

    VersionService(DatasetService datasetService, DatasetVersionRepository versions, BlobStore blobs,
                   ColumnarEngine engine, VersionReader reader, VersionWriter writer) {
        this.datasetService = datasetService;
        this.versions = versions;
        this.blobs = blobs;
        this.engine = engine;
        this.reader = reader;
        this.writer = writer;
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

    /**
     * Every blob a version needs: its Parquet, or for a version from before Parquet, the CSV it will be converted
     * from. What the sweep must keep.
     */
    public Set<String> referencedBlobs() {
        return Set.copyOf(versions.referencedBlobs());
    }

    /** The format content is read in. */
    public enum ContentFormat { CSV, PARQUET }

    /** A stream of a version's content, and its length when known; the caller closes the stream. */
    public record Content(InputStream stream, Long length) {
    }

    /**
     * The version's rows as CSV (numbers printed as they were ingested where integral) or as its typed Parquet,
     * {@code columns} (comma-separated, null for all) in the order given. Streamed from a temp file that closing
     * the stream deletes; the whole Parquet goes straight from the blob store. Holds no transaction while it
     * streams.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Content content(String datasetName, int version, String split, String columns, ContentFormat format) {
        DatasetVersion v = require(datasetName, version);
        List<String> selected = selected(v, columns);
        String key = parquetKey(v, datasetName);
        if (split != null) {
            return split(v, datasetName, key, split, selected, format);
        }
        if (format == ContentFormat.PARQUET && selected.isEmpty()) {
            return new Content(open(key, datasetName, version), v.getContentSize());
        }
        Path local = engine.tempFile(".parquet");
        Path out = engine.tempFile(format == ContentFormat.CSV ? ".csv" : ".parquet");
        try {
            copy(key, local, datasetName, version);
            if (format == ContentFormat.CSV) {
                reader.toCsv(local, selected, out);
            } else {
                reader.select(local, selected, out);
            }
            return streamed(out);
        } catch (RuntimeException e) {
            deleteQuietly(out);
            throw e;
        } finally {
            deleteQuietly(local);
        }
    }

    /**
     * The rows a quarantining validation set aside, as CSV: {@code __row} (1-based in the upload), the columns as
     * uploaded, and {@code __rules}, the rules each row broke. 404 when the version has none.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Content quarantine(String datasetName, int version) {
        DatasetVersion v = require(datasetName, version);
        if (v.getQuarantineKey() == null) {
            throw Problems.of(ProblemCode.NOT_FOUND, "Version " + datasetName + "@" + version + " has no quarantined "
                    + "rows: its dataset does not quarantine, or every row passed", Map.of("field", "version"));
        }
        Path local = engine.tempFile(".parquet");
        Path out = engine.tempFile(".csv");
        try {
            copy(v.getQuarantineKey(), local, datasetName, version);
            reader.toCsv(local, List.of(), out);
            return streamed(out);
        } catch (RuntimeException e) {
            deleteQuietly(out);
            throw e;
        } finally {
            deleteQuietly(local);
        }
    }

    /**
     * A schema inferred from the version, in the shape {@code PUT .../schema} takes: each column's type, nullable
     * when it had missing values, the observed range of numbers, the categories of a text column with at most
     * {@value #PROPOSED_CATEGORIES} of them, and the observed missing rate.
     */
    public SchemaProposal proposal(String datasetName, int version) {
        DatasetVersion v = require(datasetName, version);
        Map<String, StoredProfile.Column> profiles = new java.util.HashMap<>();
        v.getProfile().columns().forEach(c -> profiles.put(c.name(), c));
        List<ColumnSpec> schema = new ArrayList<>();
        for (StoredColumn column : v.getColumns()) {
            StoredProfile.Column p = profiles.get(column.name());
            long rows = v.getRows();
            boolean missing = p != null && p.missing() > 0;
            Double min = null;
            Double max = null;
            List<String> allowed = null;
            if (p != null && "numeric".equals(column.type())) {
                min = p.min();
                max = p.max();
            } else if (p != null && "categorical".equals(column.type()) && !Boolean.TRUE.equals(p.distinctApproximate())
                    && p.distinct() <= PROPOSED_CATEGORIES && p.topValues() != null
                    && p.topValues().size() == p.distinct()) {
                allowed = p.topValues().stream().map(StoredProfile.ValueCount::value).sorted().toList();
            }
            // the observed rate, rounded up at the fourth decimal so that the version proposed from passes
            Double rate = missing ? Math.ceil(10_000.0 * p.missing() / rows) / 10_000 : null;
            schema.add(new ColumnSpec(column.name(), dev.gyre.api.data.ColumnType.of(column.type()), missing, true,
                    min, max, allowed, null, null, rate, null));
        }
        return new SchemaProposal(schema, null, "reject", v.getVersion(), v.getRows());
    }

    /** Text columns with at most this many distinct values get them proposed as the allowed ones. */
    static final int PROPOSED_CATEGORIES = 20;

    private static Content streamed(Path out) {
        try {
            long size = Files.size(out); // before opening: on Linux DELETE_ON_CLOSE unlinks the file at once
            return new Content(Files.newInputStream(out, StandardOpenOption.DELETE_ON_CLOSE), size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of one split of a version curated with a split. */
    private Content split(DatasetVersion v, String datasetName, String key, String split, List<String> selected,
                          ContentFormat format) {
        if (!dev.gyre.core.curate.Split.NAMES.contains(split)) {
            throw Problems.of(ProblemCode.INVALID_PARAMETER, "split must be train, validation or test; got '" + split
                    + "'", Map.of("field", "split"));
        }
        if (v.getSplitKey() == null) {
            throw Problems.of(ProblemCode.UNSUPPORTED_SPLIT, "Version " + datasetName + "@" + v.getVersion() + " has no "
                    + "split: curate it with a recipe's split to make one", Map.of("field", "split"));
        }
        Path local = engine.tempFile(".parquet");
        Path splits = engine.tempFile(".split.parquet");
        Path out = engine.tempFile(format == ContentFormat.CSV ? ".csv" : ".parquet");
        try {
            copy(key, local, datasetName, v.getVersion());
            copy(v.getSplitKey(), splits, datasetName, v.getVersion());
            if (format == ContentFormat.CSV) {
                reader.toCsv(local, splits, split, selected, out);
            } else {
                reader.select(local, splits, split, selected, out);
            }
            return streamed(out);
        } catch (RuntimeException e) {
            deleteQuietly(out);
            throw e;
        } finally {
            deleteQuietly(local);
            deleteQuietly(splits);
        }
    }

    /** The version's columns with their types, in file order. */
    public TableSchema schema(String datasetName, int version) {
        return Versions.schema(require(datasetName, version));
    }

    /**
     * Copies the version's Parquet to {@code target}, for a feature that reads the rows itself; the caller deletes
     * the file. Holds no transaction while it copies.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void copyParquet(String datasetName, int version, Path target) {
        copyParquet(require(datasetName, version), datasetName, target);
    }

    /** Copies the version's Parquet to {@code target} (converting a version from before Parquet first). */
    void copyParquet(DatasetVersion v, String datasetName, Path target) {
        copy(parquetKey(v, datasetName), target, datasetName, v.getVersion());
    }

    private static List<String> selected(DatasetVersion v, String columns) {
        if (columns == null || columns.isBlank()) {
            return List.of();
        }
        Set<String> known = new HashSet<>();
        v.getColumns().forEach(c -> known.add(c.name()));
        List<String> selected = new ArrayList<>();
        for (String name : columns.split(",")) {
            String column = name.strip();
            if (!known.contains(column)) {
                throw Problems.of(ProblemCode.UNKNOWN_COLUMN, "The version has no column '" + column + "'",
                        Map.of("field", "columns", "column", column));
            }
            if (!selected.contains(column)) {
                selected.add(column);
            }
        }
        return selected;
    }

    /**
     * The key of the version's Parquet; a version ingested before Parquet is converted now, once, from the CSV under
     * its content hash, with its recorded column types.
     */
    private String parquetKey(DatasetVersion v, String datasetName) {
        if (v.getContentKey() != null) {
            return v.getContentKey();
        }
        Path csv = engine.tempFile(".csv");
        Path parquet = engine.tempFile(".parquet");
        try {
            copy(v.getContentHash(), csv, datasetName, v.getVersion());
            writer.fromCsv(csv, Versions.schema(v), parquet);
            StoredBlob blob = blobs.put(parquet);
            if (versions.convertedTo(v.getId(), blob.key(), blob.size()) == 0) {
                return require(datasetName, v.getVersion()).getContentKey(); // converted meanwhile: the same rows
            }
            return blob.key();
        } finally {
            deleteQuietly(csv);
            deleteQuietly(parquet);
        }
    }

    private InputStream open(String key, String datasetName, int version) {
        return blobs.open(key).orElseThrow(() -> new IllegalStateException(
                "blob " + key + " of " + datasetName + " v" + version + " is missing"));
    }

    private void copy(String key, Path target, String datasetName, int version) {
        try (InputStream in = open(key, datasetName, version)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        Upload.deleteQuietly(file);
    }

    DatasetVersion require(String datasetName, int version) {
        DatasetRef dataset = datasetService.require(datasetName);
        return versions.findByDatasetIdAndVersion(dataset.id(), version)
                .orElseThrow(() -> Problems.notFound("Version", datasetName + "@" + version));
    }
}
