package dev.gyre.gateway.auth;

import dev.gyre.api.ProblemCode;
import java.util.Map;
import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.gyre.api.GyreHeaders;
import dev.gyre.gateway.problem.ProblemWriter;

/**
 * Deny by default: every request needs {@code Authorization: Bearer <key>} unless {@link PublicPaths} names it, and
 * is answered 401 {@code unauthorized} otherwise — a path no route matches too, so it does not reveal whether it
 * exists. The decision is made on the decoded path the routes match ({@code pathWithinApplication}), after
 * {@code RequestTargetGuard} has refused every path that reads differently encoded and decoded. A client-sent
 * {@code X-Gyre-User} is always dropped; an authenticated call carries the caller's name in it.
 */
final class ApiKeyAuthenticationFilter implements WebFilter, Ordered {

    static final String USER_HEADER = GyreHeaders.USER;
    private static final String BEARER = "Bearer ";

    private final ApiKeys apiKeys;
    private final ProblemWriter problems;

    ApiKeyAuthenticationFilter(ApiKeys apiKeys, ProblemWriter problems) {
        this.apiKeys = apiKeys;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (PublicPaths.isPublic(request.getMethod(), request.getPath().pathWithinApplication())) {
            return chain.filter(withoutUserHeader(exchange));
        }
        Optional<Caller> caller = apiKeys.authenticate(bearerKey(request.getHeaders()));
        if (caller.isEmpty()) {
            return unauthorized(exchange);
        }
        ServerWebExchange authenticated = exchange.mutate()
                .request(mutated -> mutated.headers(headers -> headers.set(USER_HEADER, caller.get().user())))
                .build();
        return chain.filter(authenticated);
    }

    private static ServerWebExchange withoutUserHeader(ServerWebExchange exchange) {
        if (!exchange.getRequest().getHeaders().containsHeader(USER_HEADER)) {
            return exchange;
        }
        return exchange.mutate().request(request -> request.headers(headers -> headers.remove(USER_HEADER))).build();
    }

    private static String bearerKey(HttpHeaders headers) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length()).trim();
    }

    private Mono<Void> unauthorized(ServerWebExchange exchange) {
        boolean keyPresented = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return problems.write(exchange, ProblemCode.UNAUTHORIZED, keyPresented
                ? "The API key is not valid"
                : "An API key is required: send Authorization: Bearer <key>", Map.of());
    }
}
