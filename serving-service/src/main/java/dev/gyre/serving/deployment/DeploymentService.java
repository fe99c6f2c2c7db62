package dev.gyre.serving.deployment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.gyre.api.Names;
import dev.gyre.api.PageResponse;
import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.api.registry.ModelVersionResponse;
import dev.gyre.api.serving.DeploymentRequest;
import dev.gyre.api.serving.DeploymentResponse;
import dev.gyre.api.serving.StrategySpec;
import dev.gyre.boot.page.Pages;
import dev.gyre.api.serving.StrategyType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * Creates, changes and reconciles deployments. A version is loaded and verified before anything is
 * recorded, so a failed load leaves the stored deployment (and the version it serves) untouched.
 */
@Service
public class DeploymentService {
    private static final Logger log = LoggerFactory.getLogger(DeploymentService.class);

    private final DeploymentRepository deployments;
    private final LoadedModels loaded;
    private final ModelSource source;
    private final Clock clock;

    DeploymentService(DeploymentRepository deployments, LoadedModels loaded, ModelSource source) {
        this.deployments = deployments;
        this.loaded = loaded;
        this.source = source;
        this.clock = Clock.systemUTC();
    }

    /** The outcome of a PUT: the deployment and whether it was created. */
    record Deployed(DeploymentResponse deployment, boolean created) {
    }

    Deployed deploy(String name, DeploymentRequest request) {
        Names.require("name", name);
        if (request == null) {
            throw Problems.of(ProblemCode.MISSING_BODY, "a deployment needs {model, alias | version}");
        }
        Names.require("model", request.model());
        if ((request.alias() == null) == (request.version() == null)) {
            throw Problems.of(ProblemCode.INVALID_TARGET, "give exactly one of 'alias' and 'version'",
                    Map.of("field", request.alias() == null ? "alias" : "version"));
        }
        if (request.alias() != null) {
            Names.require("alias", request.alias());
        } else if (request.version() < 1) {
            throw Problems.of(ProblemCode.INVALID_VERSION, "version must be 1 or more, got " + request.version(),
                    Map.of("field", "version"));
        }
        StrategySpec strategy = strategy(request.strategy());

        ModelVersionResponse target = source.resolve(request.model(), request.alias(), request.version());
        LoadedModel model = source.load(target);

        synchronized (loaded.lockFor(name)) {
            Instant now = clock.instant();
            Deployment deployment = deployments.findById(name).orElse(null);
            boolean created = deployment == null;
            if (created) {
                deployment = new Deployment(name, now);
            }
            deployment.serve(request.model(), request.alias(), model.version(), model.sha256(), Deployments.stored(strategy), now);
            Deployment toSave = deployment;
            try {
                deployment = swapThenRecord(name, model, () -> deployments.saveAndFlush(toSave));
            } catch (ObjectOptimisticLockingFailureException e) {
                throw Problems.of(ProblemCode.CONCURRENT_CHANGE, "deployment '" + name + "' was changed concurrently; retry");
            }
            log.info("deployment {} {} {} version {}", name, created ? "created:" : "changed:", model.model(),
                    model.version());
            return new Deployed(response(deployment), created);
        }
    }

    private static StrategySpec strategy(StrategySpec requested) {
        if (requested == null) {
            return StrategySpec.single();
        }
        if (requested.type() == StrategyType.SINGLE) {
            return StrategySpec.single();
        }
        String type = requested.type() == null ? "null" : requested.type().json();
        throw Problems.of(ProblemCode.UNSUPPORTED_STRATEGY, "strategy.type '" + type
                        + "' is not supported yet; only 'single' is",
                Map.of("field", "strategy.type", "type", type));
    }

    /** Whether a deployment of that name exists, loaded or not. */
    public boolean exists(String name) {
        return deployments.existsById(name);
    }

    DeploymentResponse get(String name) {
        return response(find(name));
    }

    PageResponse<DeploymentResponse> list(int page, int size) {
        return Pages.response(deployments.findAll(Pages.pageable(page, size, Sort.by("name"))), this::response);
    }

    void delete(String name) {
        synchronized (loaded.lockFor(name)) {
            deployments.delete(find(name));
            loaded.remove(name);
        }
        log.info("deployment {} deleted", name);
    }

    /**
     * Brings this instance in line with the database and the registry: loads what is not loaded (after
     * a restart, or after a failure) and moves every alias-following deployment to the version its alias
     * points at now. One deployment's failure does not stop the others.
     */
    public void reconcile() {
        List<Deployment> all = deployments.findAll();
        for (Deployment d : all) {
            try {
                reconcile(d);
            } catch (ErrorResponseException e) {
                String detail = e.getBody().getDetail();
                log.warn("deployment {}: {}", d.getName(), detail);
                if (loaded.get(d.getName()).isEmpty()) {
                    recordFailure(d, detail);
                }
            } catch (RuntimeException e) {
                log.warn("deployment {} could not be reconciled", d.getName(), e);
            }
        }
    }

    private void reconcile(Deployment d) {
        LoadedModel current = loaded.get(d.getName()).orElse(null);
        if (d.getAlias() == null && current != null && current.version() == d.getVersion()) {
            return;
        }
        ModelVersionResponse target = source.resolve(d.getModel(), d.getAlias(), d.getVersion());
        if (current != null && current.model().equals(target.model()) && current.version() == target.version()) {
            return;
        }
        LoadedModel model = source.load(target);
        synchronized (loaded.lockFor(d.getName())) {
            Deployment fresh = deployments.findById(d.getName()).orElse(null);
            if (fresh == null || !fresh.getRevision().equals(d.getRevision())) {
                return; // deleted or changed meanwhile: the next round starts from the new state
            }
            boolean changed = fresh.getVersion() != model.version() || fresh.getStatus() != DeploymentStatus.READY;
            if (changed) {
                fresh.serve(fresh.getModel(), fresh.getAlias(), model.version(), model.sha256(), fresh.getStrategy(),
                        clock.instant());
            }
            swapThenRecord(d.getName(), model, () -> changed ? deployments.saveAndFlush(fresh) : fresh);
        }
        if (current == null) {
            log.info("deployment {} loaded {} version {}", d.getName(), model.model(), model.version());
        } else {
            log.info("deployment {} follows {}@{}: version {} → {}", d.getName(), d.getModel(), d.getAlias(),
                    current.version(), model.version());
        }
    }

    /**
     * Serves {@code model} at once, then records it: once the stored deployment shows a version, every
     * prediction uses it. Called under the deployment's lock; if recording fails the previous model is
     * served again.
     */
    private Deployment swapThenRecord(String name, LoadedModel model, Supplier<Deployment> record) {
        LoadedModel previous = loaded.get(name).orElse(null);
        loaded.put(name, model);
        try {
            return record.get();
        } catch (RuntimeException e) {
            if (previous == null) {
                loaded.remove(name);
            } else {
                loaded.put(name, previous);
            }
            throw e;
        }
    }

    private void recordFailure(Deployment d, String detail) {
        synchronized (loaded.lockFor(d.getName())) {
            deployments.findById(d.getName()).ifPresent(fresh -> {
                if (fresh.getStatus() != DeploymentStatus.FAILED || !detail.equals(fresh.getError())) {
                    fresh.fail(detail, clock.instant());
                    deployments.saveAndFlush(fresh);
                }
            });
        }
    }

    private Deployment find(String name) {
        return deployments.findById(name).orElseThrow(() -> Problems.notFound("deployment", name));
    }

    private DeploymentResponse response(Deployment d) {
        DeploymentStatus status = loaded.get(d.getName()).isPresent() ? DeploymentStatus.READY
                : d.getStatus() == DeploymentStatus.FAILED ? DeploymentStatus.FAILED : DeploymentStatus.LOADING;
        return Deployments.toResponse(d, status);
    }
}
