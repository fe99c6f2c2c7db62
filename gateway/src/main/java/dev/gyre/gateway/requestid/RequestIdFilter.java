package dev.gyre.gateway.requestid;

import dev.gyre.api.GyreHeaders;
import dev.gyre.api.RequestIds;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request an {@code X-Request-Id}: the client's if it is a sane token ({@link RequestIds}, the rule
 * the services apply too), else a new UUID. It is forwarded to the service, set on every response (the
 * gateway's own 401, 503 and 504 problems too) and is the exchange's log id, so WebFlux's log lines for the
 * request are prefixed with it. Runs before authentication.
 */
@Component
class RequestIdFilter implements WebFilter, Ordered {

    static final String HEADER = GyreHeaders.REQUEST_ID;

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = RequestIds.saneOrNew(exchange.getRequest().getHeaders().getFirst(HEADER));
        exchange.getAttributes().put(ServerWebExchange.LOG_ID_ATTRIBUTE, requestId);
        exchange.getResponse().beforeCommit(() -> {
            // After the proxied response's headers are copied, so the gateway's id is the one the client sees.
            exchange.getResponse().getHeaders().set(HEADER, requestId);
            return Mono.empty();
        });
        ServerWebExchange withId = exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(HEADER, requestId)))
                .build();
        return chain.filter(withId);
    }
}
