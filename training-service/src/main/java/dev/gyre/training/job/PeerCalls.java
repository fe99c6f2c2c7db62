package dev.gyre.training.job;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one place where a training job's calls to data-service and registry-service have their failures translated. */
@Component
class PeerCalls {
    private final JsonMapper json;

    PeerCalls(JsonMapper json) {
        this.json = json;
    }

    /** Calls a peer, turning its failure into a sentence that names it. */
    <T> T peer(String service, String what, Supplier<T> call) {
        T result;
        try {
            result = call.get();
        } catch (RestClientResponseException e) {
            throw new TrainingFailure(service + " answered " + e.getStatusCode().value() + " for " + what + detail(e));
        } catch (RestClientException e) {
            throw new TrainingFailure(service + " could not be reached for " + what + ": " + e.getMessage());
        }
        if (result == null) {
            throw new TrainingFailure(service + " answered an empty body for " + what);
        }
        return result;
    }

    private String detail(RestClientResponseException e) {
        try {
            JsonNode detail = json.readTree(e.getResponseBodyAsByteArray()).path("detail");
            return detail.isString() ? ": " + detail.asString() : "";
        } catch (JacksonException | IllegalArgumentException notJson) {
            return "";
        }
    }
}
