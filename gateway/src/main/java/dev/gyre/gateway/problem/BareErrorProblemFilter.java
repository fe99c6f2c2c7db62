package dev.gyre.gateway.problem;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Remembers the client's path for every problem ({@link ProblemWriter#CLIENT_PATH_ATTRIBUTE}) and gives a problem body to an error the gateway completes without one: gateway filters such as
 * {@code RequestSize} (413) set a status and complete the response empty. Only {@code setComplete()} is
 * decorated, so a proxied answer, which is written, reaches the client exactly as the service sent it.
 */
final class BareErrorProblemFilter implements WebFilter, Ordered {

    private final ProblemWriter problems;

    BareErrorProblemFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1; // right after the request id, so it covers every later filter
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getAttributes().put(ProblemWriter.CLIENT_PATH_ATTRIBUTE, exchange.getRequest().getPath().value());
        ServerWebExchange decorated = exchange.mutate().response(new BodyForBareErrors(exchange)).build();
        return chain.filter(decorated);
    }

    private final class BodyForBareErrors extends ServerHttpResponseDecorator {
        private final ServerWebExchange exchange;

        BodyForBareErrors(ServerWebExchange exchange) {
            super(exchange.getResponse());
            this.exchange = exchange;
        }

        @Override
        public Mono<Void> setComplete() {
            ServerHttpResponse response = getDelegate();
            HttpStatusCode status = response.getStatusCode();
            if (status == null || !status.isError() || response.isCommitted()
                    || response.getHeaders().getContentType() != null) {
                return super.setComplete();
            }
            String detail = status.value() == 413
                    ? "The request body is larger than the gateway accepts"
                    : "The request was refused (" + status.value() + ")";
            response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
            response.getHeaders().remove("errorMessage"); // RequestSize's own header; the detail says it
            return problems.write(exchange, status, ProblemWriter.codeFor(status), detail, Map.of());
        }
    }
}
