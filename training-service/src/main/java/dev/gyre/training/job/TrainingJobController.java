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
    static final String USER_HEADER = "X-Gyre-User";
    static final String ANONYMOUS = "anonymous";
    private static final int MAX_USER_LENGTH = 128;

    private final TrainingJobService service;

    TrainingJobController(TrainingJobService service) {
        this.service = service;
    }

    @Override
    @ResponseStatus(HttpStatus.ACCEPTED)
    public TrainingJobResponse submit(TrainingJobRequest request) {
        // the shared interface's signature has no room for the user header or a ResponseEntity
        ServletRequestAttributes current = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        TrainingJobResponse job = service.submit(request, submitter(current.getRequest().getHeader(USER_HEADER)));
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(job.id()).toUri();
        HttpServletResponse response = current.getResponse();
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

    /** The gateway's authenticated user, or "anonymous" when called directly; as registry-service records it. */
    private static String submitter(String user) {
        if (user == null || user.isBlank()) {
            return ANONYMOUS;
        }
        String stripped = user.strip();
        return stripped.length() > MAX_USER_LENGTH ? stripped.substring(0, MAX_USER_LENGTH) : stripped;
    }
}
