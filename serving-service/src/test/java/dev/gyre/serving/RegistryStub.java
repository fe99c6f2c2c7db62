package dev.gyre.serving;

import dev.gyre.api.registry.ModelStage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.gyre.api.registry.ModelLineage;
import dev.gyre.api.registry.ModelVersionResponse;
import dev.gyre.core.blob.Digests;
import dev.gyre.test.StubServer;

/** Plays registry-service: versions with real bundles and the sha256 recorded for them, and aliases. */
public final class RegistryStub extends StubServer {
    private static final Pattern ALIAS = Pattern.compile("/api/v1/models/([^/]+)/aliases/([^/]+)");
    private static final Pattern VERSION = Pattern.compile("/api/v1/models/([^/]+)/versions/(\\d+)");
    private static final Pattern BUNDLE = Pattern.compile("/api/v1/models/([^/]+)/versions/(\\d+)/bundle");

    private record Stored(byte[] bytes, String recordedSha256) {
    }

    private final Map<String, Stored> versions = new ConcurrentHashMap<>();
    private final Map<String, Integer> aliases = new ConcurrentHashMap<>();

    RegistryStub() {
        on("/", this::answer);
    }

    /** Registers a version whose recorded digest is that of its bytes. */
    void register(String model, int version, byte[] bundle) {
        register(model, version, bundle, Digests.sha256Hex(bundle));
    }

    void register(String model, int version, byte[] bundle, String recordedSha256) {
        versions.put(model + "/" + version, new Stored(bundle, recordedSha256));
    }

    public void alias(String model, String alias, int version) {
        aliases.put(model + "@" + alias, version);
    }

    private Reply answer(Request request) {
        String path = request.path();
        Matcher m;
        if ((m = BUNDLE.matcher(path)).matches()) {
            Stored stored = versions.get(m.group(1) + "/" + m.group(2));
            if (stored == null) {
                return notFound("model version " + m.group(1) + "/" + m.group(2));
            }
            return Reply.bytes(200, "application/octet-stream", stored.bytes());
        } else if ((m = VERSION.matcher(path)).matches()) {
            return version(m.group(1), Integer.parseInt(m.group(2)));
        } else if ((m = ALIAS.matcher(path)).matches()) {
            Integer version = aliases.get(m.group(1) + "@" + m.group(2));
            if (version == null) {
                return notFound("alias " + m.group(1) + "@" + m.group(2));
            }
            return version(m.group(1), version);
        }
        return notFound(path);
    }

    private Reply version(String model, int version) {
        Stored stored = versions.get(model + "/" + version);
        if (stored == null) {
            return notFound("model version " + model + "/" + version);
        }
        List<String> pointing = aliases.entrySet().stream()
                .filter(e -> e.getKey().startsWith(model + "@") && e.getValue() == version)
                .map(e -> e.getKey().substring(model.length() + 1)).toList();
        var response = new ModelVersionResponse(model, version, stored.recordedSha256(), stored.bytes().length,
                ModelStage.ACTIVE, pointing, Map.of("accuracy", 0.97), Map.of("task", "classification"),
                new ModelLineage("penguins", 1, null, null, null, "logistic-regression", "test"), Instant.now());
        return Reply.json(200, response);
    }

    private static Reply notFound(String what) {
        return Reply.problem(404, "not-found", what + " does not exist");
    }
}
