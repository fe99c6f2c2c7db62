package dev.gyre.monitoring.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;


import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.api.data.ColumnSpec;
import dev.gyre.api.data.ColumnType;
import dev.gyre.api.data.DataApi;
import dev.gyre.api.data.DatasetVersionResponse;
import dev.gyre.boot.columnar.VersionDownloads;
import dev.gyre.boot.peer.Peer;
import dev.gyre.core.columnar.VersionReader;
import dev.gyre.core.table.Categories;
import dev.gyre.monitoring.MonitoringProperties;
import org.springframework.stereotype.Component;

/**
 * Reads reference versions from data-service and translates its failures: an unknown dataset or version is
 * a 400 naming {@code reference}, data-service unreachable a 503 and any other failure a 502, both naming
 * data-service. Parsed versions are cached per (dataset, version), which never change once ingested.
 */
@Component
public class ReferenceClient {
    private static final Peer DATA = new Peer("data-service");
    private final DataApi data;
    private final VersionDownloads downloads;
    private final VersionReader reader;
    private final Map<Key, Reference> cache;
    private final int cacheSize;

    ReferenceClient(DataApi data, VersionDownloads downloads, VersionReader reader, MonitoringProperties properties) {
        this.data = data;
        this.downloads = downloads;
        this.reader = reader;
        this.cacheSize = properties.referenceCacheSize();
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Reference> eldest) {
                return size() > cacheSize;
            }
        };
    }

    private record Key(String dataset, int version) {
    }

    /** The version's metadata; throws the problems described above. */
    public DatasetVersionResponse version(String dataset, int version) {
        return call(() -> data.version(dataset, version), dataset, version);
    }

    /** The dataset's label column, or null when it names none. */
    public String labelColumn(String dataset) {
        return call(() -> data.dataset(dataset), dataset, null).labelColumn();
    }

    /** The parsed version, from the cache when it was read before. */
    public Reference reference(String dataset, int version) {
        Key key = new Key(dataset, version);
        synchronized (cache) {
            Reference cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        DatasetVersionResponse meta = version(dataset, version);
        Path parquet = downloads.parquet(dataset, version, List.of());
        try {
            Reference parsed = read(meta, parquet);
            synchronized (cache) {
                cache.put(key, parsed);
            }
            return parsed;
        } finally {
            try {
                Files.deleteIfExists(parquet);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Column by column from the version's Parquet, typed as data-service wrote it. */
    private Reference read(DatasetVersionResponse meta, Path parquet) {
        Set<String> present = reader.columns(parquet).keySet();
        List<ColumnSpec> columns = new ArrayList<>();
        Map<String, double[]> numeric = new HashMap<>();
        Map<String, List<String>> categorical = new HashMap<>();
        for (ColumnSpec column : meta.columns()) {
            if (!present.contains(column.name())) {
                continue; // declared but not in the content: nothing to compare with
            }
            columns.add(column);
            if (column.type() == ColumnType.NUMERIC) {
                numeric.put(column.name(), reader.doubles(parquet, column.name()));
            } else {
                boolean bool = column.type() == ColumnType.BOOLEAN;
                List<String> values = new ArrayList<>();
                for (String cell : reader.strings(parquet, column.name())) {
                    values.add(bool ? Categories.ofBoolean(cell) : Categories.of(cell));
                }
                categorical.put(column.name(), values);
            }
        }
        return new Reference(meta.dataset(), meta.version(), List.copyOf(columns), Map.copyOf(numeric),
                Map.copyOf(categorical));
    }

    private static <T> T call(Supplier<T> call, String dataset, Integer version) {
        String what = version == null ? "dataset '" + dataset + "'" : "dataset '" + dataset + "' version " + version;
        return DATA.call("reference " + what, call, 404, answer -> Problems.of(ProblemCode.UNKNOWN_REFERENCE,
                "reference " + what + " does not exist in data-service", Map.of("field", "reference")));
    }
}
