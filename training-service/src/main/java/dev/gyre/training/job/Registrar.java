package dev.gyre.training.job;

import dev.gyre.api.Caller;
import dev.gyre.api.data.DatasetVersionResponse;
import dev.gyre.api.registry.ModelLineage;
import dev.gyre.api.registry.ModelVersionResponse;
import dev.gyre.api.registry.RegisterModelRequest;
import dev.gyre.api.registry.RegistryApi;
import dev.gyre.api.training.RegisterSpec;
import dev.gyre.api.training.RegisteredModel;
import dev.gyre.api.training.TrainingJobRequest;
import dev.gyre.core.blob.Digests;
import dev.gyre.training.run.Run;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;

/**
 * Registers a job's bundle with registry-service as a new version of the model the job names, with its
 * lineage and metrics, on behalf of whoever submitted the job, and checks the digest the registry stored.
 */
@Component
class Registrar {
    private final RegistryApi registry;
    private final PeerCalls peers;

    Registrar(RegistryApi registry, PeerCalls peers) {
        this.registry = registry;
        this.peers = peers;
    }

    RegisteredModel register(RegisterSpec spec, TrainingJob job, DatasetVersionResponse version, Run best,
                             byte[] bundle) {
        TrainingJobRequest request = TrainingJobs.request(job);
        ModelLineage lineage = new ModelLineage(version.dataset(), version.version(), version.contentHash(),
                job.getId().toString(), best.getId().toString(), best.getAlgorithm(), TrainingPipeline.CODE_VERSION);
        String description = best.getAlgorithm() + " trained by job " + job.getId() + " (experiment "
                + job.getExperiment() + ") on " + version.dataset() + " version " + version.version()
                + " to predict " + request.label();
        RegisterModelRequest metadata = new RegisterModelRequest(description, best.getMetrics(), lineage, spec.alias());
        ByteArrayResource resource = new ByteArrayResource(bundle) {
            @Override
            public String getFilename() {
                return spec.model() + ".gyre.zip";
            }
        };
        ModelVersionResponse registered = peers.peer("registry-service", "model " + spec.model(),
                () -> registry.register(spec.model(), resource, metadata, new Caller(job.getSubmittedBy())).getBody());
        String sha256 = Digests.sha256Hex(bundle);
        if (registered.sha256() != null && !Digests.normalize(registered.sha256()).equals(sha256)) {
            throw new TrainingFailure("registry-service stored model " + spec.model() + " version "
                    + registered.version() + " with sha256 " + registered.sha256() + ", but the bundle sent has " + sha256);
        }
        return new RegisteredModel(spec.model(), registered.version(), spec.alias());
    }
}
