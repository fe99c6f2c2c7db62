package dev.gyre.api.training;

import dev.gyre.api.Caller;
import dev.gyre.api.PageResponse;
import org.springframework.http.ResponseEntity;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** What other services (monitoring's retrain policy) ask of training-service. */
@HttpExchange("/api/v1/training-jobs")
public interface TrainingApi {

    /** 202 with the queued job and its {@code Location}; the job records {@code caller} as its submitter. The
     * request is checked declaratively ({@code @Valid}) before the service checks what needs data. */
    @PostExchange
    ResponseEntity<TrainingJobResponse> submit(@RequestBody @Valid TrainingJobRequest request, Caller caller);

    @GetExchange("/{id}")
    TrainingJobResponse job(@PathVariable String id);

    /** Jobs, newest first; list entries leave {@code runs} out (read one job for them). */
    @GetExchange
    PageResponse<TrainingJobResponse> jobs(@RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "20") int size);

    /** QUEUED or RUNNING → CANCELLED; a finished job → 409. */
    @PostExchange("/{id}/cancel")
    TrainingJobResponse cancel(@PathVariable String id);
}
