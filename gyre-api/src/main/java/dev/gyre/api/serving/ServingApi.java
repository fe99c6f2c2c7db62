package dev.gyre.api.serving;

import dev.gyre.api.PageResponse;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/** What clients (the e2e tests, other services) ask of serving-service. */
@HttpExchange("/api/v1/deployments")
public interface ServingApi {

    /** Creates (201) or changes (200) a deployment. */
    @PutExchange("/{name}")
    DeploymentResponse deploy(@PathVariable String name, @RequestBody DeploymentRequest request);

    @GetExchange("/{name}")
    DeploymentResponse deployment(@PathVariable String name);

    /** One page of deployments, by name. */
    @GetExchange
    PageResponse<DeploymentResponse> deployments(@RequestParam(defaultValue = "0") int page,
                                                 @RequestParam(defaultValue = "50") int size);

    @DeleteExchange("/{name}")
    void undeploy(@PathVariable String name);

    @PostExchange("/{name}/predict")
    PredictResponse predict(@PathVariable String name, @RequestBody PredictRequest request);
}
