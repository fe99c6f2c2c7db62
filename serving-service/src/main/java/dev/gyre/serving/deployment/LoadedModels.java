package dev.gyre.serving.deployment;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Component;

/**
 * The in-memory cache of loaded models, keyed by deployment name. Swapping an entry is atomic: a
 * prediction sees either the old version or the new one. The database stays the source of truth; this
 * cache is rebuilt from it on start-up.
 */
@Component
public class LoadedModels {
    private final ConcurrentMap<String, LoadedModel> models = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

    public Optional<LoadedModel> get(String deployment) {
        return Optional.ofNullable(models.get(deployment));
    }

    void put(String deployment, LoadedModel model) {
        models.put(deployment, model);
    }

    void remove(String deployment) {
        models.remove(deployment);
    }

    /** Serializes "record in the database, then swap in memory" for one deployment. */
    Object lockFor(String deployment) {
        return locks.computeIfAbsent(deployment, name -> new Object());
    }
}
