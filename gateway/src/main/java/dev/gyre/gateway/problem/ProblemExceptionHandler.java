package dev.gyre.gateway.problem;

import dev.gyre.api.ProblemCode;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Turns every exception that reaches the top of the gateway into a problem, instead of Boot's plain JSON error
 * body: an unknown route is a 404 {@code not-found}, a wrong method a 405 {@code method-not-allowed} (with
 * {@code Allow}), a peer that cannot be reached outside a circuit breaker a 503, anything unexpected a 500
 * {@code internal-error} that is logged and says nothing about the internals.
 */
final class ProblemExceptionHandler implements ErrorWebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemWriter problems;

    ProblemExceptionHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return -2; // before Boot's DefaultErrorWebExceptionHandler (-1), which answers plain JSON
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        exchange.getResponse().getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        if (failure instanceof MethodNotAllowedException notAllowed && !notAllowed.getSupportedMethods().isEmpty()) {
            exchange.getResponse().getHeaders().setAllow(notAllowed.getSupportedMethods());
        }
        if (failure instanceof ErrorResponse error) {
            HttpStatusCode status = error.getStatusCode();
            if (status.is5xxServerError()) {
                log.warn("{} on {} {}", status, exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure);
            }
            return problems.write(exchange, status, ProblemWriter.codeFor(status), detailOf(status, exchange), Map.of());
        }
        if (failure instanceof TimeoutException) {
            return problems.write(exchange, ProblemCode.GATEWAY_TIMEOUT,
                    "The service did not answer in time", Map.of());
        }
        if (failure instanceof ConnectException || failure instanceof ConnectTimeoutException) {
            return problems.write(exchange, ProblemCode.SERVICE_UNAVAILABLE,
                    "The service is not reachable", Map.of());
        }
        log.error("Unhandled error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure);
        return problems.write(exchange, ProblemCode.INTERNAL_ERROR,
                "An unexpected error occurred in the gateway; it has been logged", Map.of());
    }

    private static String detailOf(HttpStatusCode status, ServerWebExchange exchange) {
        return switch (status.value()) {
            case 404 -> "Nothing is served at this path";
            case 405 -> "Method " + exchange.getRequest().getMethod() + " is not allowed here";
            case 406 -> "None of the accepted media types can be produced";
            case 413 -> "The request body is too large";
            case 415 -> "This media type is not supported here";
            default -> {
                HttpStatus known = HttpStatus.resolve(status.value());
                yield known == null ? "The request was refused" : known.getReasonPhrase();
            }
        };
    }
}
