package dev.gyre.gateway.readiness;

import dev.gyre.api.ProblemCode;
import java.net.ConnectException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

import dev.gyre.gateway.problem.ProblemWriter;

/**
 * What a route answers when its service is not there, as a problem naming the service. Before the call: 503
 * {@code service-starting} while the service has not been ready yet, without calling it and before its circuit
 * breaker (route filters are ordered from 1), so start-up failures are never counted against it. After the call
 * failed in its circuit breaker: 504 {@code gateway-timeout} when it outlived its time limit, 503
 * {@code service-unavailable} when the service could not be reached or its circuit is open.
 * <p>
 * The routes' breakers have no {@code fallbackUri} on purpose: with one, Spring Cloud Gateway caches every request
 * body in memory so that it could be sent again to the fallback, and an upload of a few hundred MB then exhausts the
 * gateway's direct memory.
 */
final class ServiceAvailabilityFilter implements GlobalFilter, Ordered {

    private final ServiceReadiness readiness;
    private final ProblemWriter problems;

    ServiceAvailabilityFilter(ServiceReadiness readiness, ProblemWriter problems) {
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
        if (backend.isEmpty()) {
            return chain.filter(exchange);
        }
        String service = backend.get().service();
        if (!backend.get().ready()) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "2");
            return problems.write(exchange, ProblemCode.SERVICE_STARTING,
                    service + " is starting and has not reported ready yet; retry in a few seconds",
                    Map.of("service", service));
        }
        return chain.filter(exchange).onErrorResume(failure -> answer(exchange, service, failure));
    }

    private Mono<Void> answer(ServerWebExchange exchange, String service, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        if (causedBy(failure, TimeoutException.class)) {
            return problems.write(exchange, ProblemCode.GATEWAY_TIMEOUT, service + " did not answer in time",
                    Map.of("service", service));
        }
        if (failure instanceof ServiceUnavailableException) {
            return problems.write(exchange, ProblemCode.SERVICE_UNAVAILABLE,
                    service + " is failing; calls are paused for a few seconds (circuit open)",
                    Map.of("service", service));
        }
        if (causedBy(failure, ConnectException.class) || causedBy(failure, ConnectTimeoutException.class)) {
            return problems.write(exchange, ProblemCode.SERVICE_UNAVAILABLE, service + " is not reachable",
                    Map.of("service", service));
        }
        return Mono.error(failure);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
