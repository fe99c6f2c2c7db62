package dev.gyre.api.training;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** What other services (monitoring's retrain policy) ask of training-service. */
@HttpExchange("/api/v1/training-jobs")
public interface TrainingApi {

    @PostExchange
    TrainingJobResponse submit(@RequestBody TrainingJobRequest request);

    @GetExchange("/{id}")
    TrainingJobResponse job(@PathVariable String id);
}
