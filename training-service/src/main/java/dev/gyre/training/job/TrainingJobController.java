package dev.gyre.training.job;

import java.net.URI;

import dev.gyre.api.PageResponse;
import dev.gyre.api.training.TrainingApi;
import dev.gyre.api.training.TrainingJobRequest;
import dev.gyre.api.training.TrainingJobResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/v1/training-jobs}: the mappings come from {@link TrainingApi}, which clients share. */
@RestController
class TrainingJobController implements TrainingApi {
    private final TrainingJobService service;

    TrainingJobController(TrainingJobService service) {
        this.service = service;
    }

    @Override
    @ResponseStatus(HttpStatus.ACCEPTED)
    public TrainingJobResponse submit(TrainingJobRequest request) {
        TrainingJobResponse job = service.submit(request);
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(job.id()).toUri();
        // the shared interface's signature has no room for a ResponseEntity; the header goes on the response
        HttpServletResponse response = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getResponse();
        if (response != null) {
            response.setHeader(HttpHeaders.LOCATION, location.toString());
        }
        return job;
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
