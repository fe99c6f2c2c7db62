package dev.gyre.allinone;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the six processes: its name (also its jar's name), its database, and how much heap it gets.
 *
 * @param name          {@code data-service}, ..., {@code gateway}
 * @param database      its PostgreSQL database, or null (the gateway has none)
 * @param urlVariable   the variable its peers read its URL from ({@code GYRE_DATA_URL}), or null
 * @param maxHeap       its {@code -Xmx}
 * @param quickCompiler whether C1 alone is enough (saves memory and start-up CPU); the CPU-heavy
 *                      data (hashing and copying uploads: SHA-256 is 4x faster with C2's intrinsics),
 *                      training and serving services keep the optimizing compiler
 * @param blobStore     whether it keeps blobs (dataset files, model bundles): here in a directory of its own
 */
record ServiceSpec(String name, String database, String urlVariable, String maxHeap, boolean quickCompiler,
                   boolean blobStore) {

    static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("data-service", "gyre_data", "GYRE_DATA_URL", "512m", false, true),
            new ServiceSpec("training-service", "gyre_training", "GYRE_TRAINING_URL", "1g", false, false),
            new ServiceSpec("registry-service", "gyre_registry", "GYRE_REGISTRY_URL", "256m", true, true),
            new ServiceSpec("serving-service", "gyre_serving", "GYRE_SERVING_URL", "384m", false, false),
            new ServiceSpec("monitoring-service", "gyre_monitoring", "GYRE_MONITORING_URL", "384m", true, false),
            new ServiceSpec("gateway", null, null, "192m", true, false));

    static final String INITIAL_HEAP = "48m";

    boolean isGateway() {
        return database == null;
    }

    /**
     * Its blob store settings ({@code gyre.blob-store.type} and {@code .directory}, as Spring reads them from the
     * environment): a service with blobs keeps them in {@code <dataDir>/blobs/<name>}; the others get neither (null
     * removes the variable).
     */
    Map<String, String> blobStoreEnvironment(Path dataDir) {
        Map<String, String> env = new HashMap<>();
        env.put("GYRE_BLOBSTORE_TYPE", blobStore ? "filesystem" : null);
        env.put("GYRE_BLOBSTORE_DIRECTORY", blobStore ? dataDir.resolve("blobs").resolve(name).toString() : null);
        return env;
    }

    /** JVM options: memory-lean defaults, then {@code GYRE_JAVA_OPTS} (the JVM lets the last one win). */
    List<String> javaOptions(List<String> overrides) {
        List<String> options = new ArrayList<>(List.of(
                "-XX:+UseSerialGC", "-Xss512k", "-XX:ReservedCodeCacheSize=64m", "-XX:MaxMetaspaceSize=192m",
                // a small heap that grows when needed and shrinks again (SerialGC's default initial heap
                // is 1/64 of the machine's memory: ~370 MB committed on 24 GB for ~50 MB used)
                "-Xms" + INITIAL_HEAP, "-Xmx" + maxHeap, "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30",
                "-XX:-UsePerfData"));
        if (quickCompiler) {
            options.add("-XX:TieredStopAtLevel=1");
        }
        options.addAll(overrides);
        return options;
    }
}
