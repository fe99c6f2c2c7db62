package dev.gyre.monitoring.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.api.data.ColumnSpec;
import dev.gyre.api.data.ColumnType;
import dev.gyre.api.data.DataApi;
import dev.gyre.api.data.DatasetVersionResponse;
import dev.gyre.boot.peer.Peer;
import dev.gyre.core.table.Categories;
import dev.gyre.core.table.CsvFormatException;
import dev.gyre.core.table.CsvTables;
import dev.gyre.core.table.Table;
import dev.gyre.core.table.Values;
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
    private final Map<Key, Reference> cache;
    private final int cacheSize;

    ReferenceClient(DataApi data, MonitoringProperties properties) {
        this.data = data;
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
        byte[] csv = call(() -> data.content(dataset, version), dataset, version);
        Reference parsed = parse(meta, csv);
        synchronized (cache) {
            cache.put(key, parsed);
        }
        return parsed;
    }

    private static Reference parse(DatasetVersionResponse meta, byte[] csv) {
        Table table;
        try {
            table = CsvTables.read(csv == null ? new byte[0] : csv);
        } catch (CsvFormatException e) {
            throw DATA.error("returned unreadable CSV for reference " + meta.dataset() + " version "
                    + meta.version() + ": " + e.getMessage());
        }
        List<ColumnSpec> columns = new ArrayList<>();
        Map<String, double[]> numeric = new HashMap<>();
        Map<String, List<String>> categorical = new HashMap<>();
        for (ColumnSpec column : meta.columns()) {
            int index = table.indexOf(column.name());
            if (index < 0) {
                continue; // declared but not in the content: nothing to compare with
            }
            columns.add(column);
            int rows = table.rowCount();
            if (column.type() == ColumnType.NUMERIC) {
                double[] values = new double[rows];
                Arrays.fill(values, Double.NaN);
                for (int r = 0; r < rows; r++) {
                    Double v = Values.parseNumber(table.cell(r, index));
                    if (v != null) {
                        values[r] = v;
                    }
                }
                numeric.put(column.name(), values);
            } else {
                boolean bool = column.type() == ColumnType.BOOLEAN;
                List<String> values = new ArrayList<>(rows);
                for (int r = 0; r < rows; r++) {
                    values.add(bool ? Categories.ofBoolean(table.cell(r, index)) : Categories.of(table.cell(r, index)));
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
