package dev.gyre.serving.deployment;

import dev.gyre.api.PageResponse;
import dev.gyre.api.serving.DeploymentRequest;
import dev.gyre.api.serving.DeploymentResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/deployments")
class DeploymentController {
    private final DeploymentService deployments;

    DeploymentController(DeploymentService deployments) {
        this.deployments = deployments;
    }

    @PutMapping("/{name}")
    ResponseEntity<DeploymentResponse> deploy(@PathVariable String name,
                                              @RequestBody(required = false) DeploymentRequest request) {
        DeploymentService.Deployed result = deployments.deploy(name, request);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result.deployment());
    }

    @GetMapping("/{name}")
    DeploymentResponse deployment(@PathVariable String name) {
        return deployments.get(name);
    }

    @GetMapping
    PageResponse<DeploymentResponse> deployments(@RequestParam(defaultValue = "0") int page,
                                                 @RequestParam(defaultValue = "50") int size) {
        return deployments.list(page, size);
    }

    @DeleteMapping("/{name}")
    ResponseEntity<Void> undeploy(@PathVariable String name) {
        deployments.delete(name);
        return ResponseEntity.noContent().build();
    }
}
