package dev.gyre.gateway.fallback;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.gateway.problem.ProblemWriter;

/**
 * Target of every route's {@code CircuitBreaker} filter ({@code fallbackUri: forward:/fallback/<service>}):
 * turns the failure into a problem naming the service — 504 {@code gateway-timeout} when the call
 * outlived its time limit, 503 {@code service-unavailable} when the service could not be reached or
 * its circuit is open.
 */
@RestController
class FallbackController {

    @RequestMapping("/fallback/{service}")
    ResponseEntity<ProblemDetail> fallback(@PathVariable String service, ServerWebExchange exchange) {
        Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        ProblemDetail problem;
        if (failure instanceof TimeoutException) {
            problem = Problems.detail(ProblemCode.GATEWAY_TIMEOUT,
                    service + " did not answer in time", Map.of());
        } else if (failure instanceof CallNotPermittedException) {
            problem = Problems.detail(ProblemCode.SERVICE_UNAVAILABLE,
                    service + " is failing; calls are paused for a few seconds (circuit open)", Map.of());
        } else {
            problem = Problems.detail(ProblemCode.SERVICE_UNAVAILABLE,
                    service + " is not reachable", Map.of());
        }
        problem.setProperty("service", service);
        problem.setInstance(URI.create(ProblemWriter.clientPath(exchange)));
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
