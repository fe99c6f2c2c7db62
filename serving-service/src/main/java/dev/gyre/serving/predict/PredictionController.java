package dev.gyre.serving.predict;

import dev.gyre.api.serving.PredictRequest;
import dev.gyre.api.serving.PredictResponse;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PredictionController {
    private final PredictionService predictions;

    PredictionController(PredictionService predictions) {
        this.predictions = predictions;
    }

    @PostMapping("/api/v1/deployments/{name}/predict")
    PredictResponse predict(@PathVariable String name, @RequestBody(required = false) PredictRequest request) {
        return predictions.predict(name, request);
    }
}
