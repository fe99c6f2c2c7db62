package dev.gyre.training.job;

import java.net.URI;

import dev.gyre.api.Caller;
import dev.gyre.api.PageResponse;
import dev.gyre.api.training.TrainingApi;
import dev.gyre.api.training.TrainingJobRequest;
import dev.gyre.api.training.TrainingJobResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/v1/training-jobs}: the mappings come from {@link TrainingApi}, which clients share. */
@RestController
class TrainingJobController implements TrainingApi {

    private final TrainingJobService service;

    TrainingJobController(TrainingJobService service) {
        this.service = service;
    }

    @Override
    public ResponseEntity<TrainingJobResponse> submit(TrainingJobRequest request, Caller caller) {
        TrainingJobResponse job = service.submit(request, caller.user());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(job.id()).toUri();
        return ResponseEntity.accepted().location(location).body(job);
    }

    @Override
    public TrainingJobResponse job(String id) {
        return service.job(id);
    }

    @Override
    public PageResponse<TrainingJobResponse> jobs(int page, int size) {
        return service.jobs(page, size);
    }

    @Override
    public TrainingJobResponse cancel(String id) {
        return service.cancel(id);
    }
}
