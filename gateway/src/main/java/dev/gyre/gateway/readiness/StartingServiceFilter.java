package dev.gyre.gateway.readiness;

import dev.gyre.api.ProblemCode;
import java.util.Map;
import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;

import dev.gyre.gateway.problem.ProblemWriter;

/**
 * Answers 503 {@code service-starting} for a route whose service has not been ready yet, without calling it and
 * before its circuit breaker (route filters are ordered from 1), so start-up failures are never counted against
 * the service.
 */
final class StartingServiceFilter implements GlobalFilter, Ordered {

    private final ServiceReadiness readiness;
    private final ProblemWriter problems;

    StartingServiceFilter(ServiceReadiness readiness, ProblemWriter problems) {
        this.readiness = readiness;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        Optional<ServiceReadiness.Backend> backend = route == null ? Optional.empty()
                : readiness.backendAt(route.getUri());
        if (backend.isEmpty() || backend.get().ready()) {
            return chain.filter(exchange);
        }
        String service = backend.get().service();
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "2");
        return problems.write(exchange, ProblemCode.SERVICE_STARTING,
                service + " is starting and has not reported ready yet; retry in a few seconds",
                Map.of("service", service));
    }
}
