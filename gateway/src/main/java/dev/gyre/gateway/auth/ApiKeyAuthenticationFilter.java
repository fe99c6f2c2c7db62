package dev.gyre.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Requires {@code Authorization: Bearer <key>} on every {@code /api/**} request and answers 401
 * {@code unauthorized} otherwise. A WebFilter rather than a route filter, so an {@code /api} path
 * that no route matches is rejected too instead of revealing that it does not exist. A client-sent
 * {@code X-Gyre-User} is always dropped; an authenticated call carries the caller's name in it.
 */
final class ApiKeyAuthenticationFilter implements WebFilter, Ordered {

    static final String USER_HEADER = "X-Gyre-User";
    private static final String BEARER = "Bearer ";

    private final ApiKeys apiKeys;
    private final JsonMapper jsonMapper;

    ApiKeyAuthenticationFilter(ApiKeys apiKeys, JsonMapper jsonMapper) {
        this.apiKeys = apiKeys;
        this.jsonMapper = jsonMapper;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        boolean protectedPath = path.equals("/api") || path.startsWith("/api/");
        if (!protectedPath) {
            return chain.filter(withoutUserHeader(exchange));
        }
        Optional<Caller> caller = apiKeys.authenticate(bearerKey(exchange.getRequest().getHeaders()));
        if (caller.isEmpty()) {
            return unauthorized(exchange, path);
        }
        ServerWebExchange authenticated = exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(USER_HEADER, caller.get().user())))
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

    private Mono<Void> unauthorized(ServerWebExchange exchange, String path) {
        boolean keyPresented = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://gyre.dev/problems/unauthorized");
        problem.put("title", "Unauthorized");
        problem.put("status", 401);
        problem.put("detail", keyPresented
                ? "The API key is not valid"
                : "An API key is required: send Authorization: Bearer <key>");
        problem.put("instance", path);
        problem.put("code", "unauthorized");
        byte[] body = jsonMapper.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);

        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.UNAUTHORIZED);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                "Bearer");
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
