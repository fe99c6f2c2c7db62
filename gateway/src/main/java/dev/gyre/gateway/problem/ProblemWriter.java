package dev.gyre.gateway.problem;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the RFC 9457 problems the gateway answers itself, in the shape every Gyre service uses:
 * {@code type = https://gyre.dev/problems/<code>}, a title made from the code, status, detail, instance and
 * the {@code code} property, plus any extra properties naming what is at fault.
 */
public final class ProblemWriter {

    public static final String TYPE_PREFIX = Problems.TYPE_PREFIX;
    /**
     * The raw path the client asked for, kept as an exchange attribute: a route filter may rewrite the path before
     * the call fails, and the problem must name the client's path.
     */
    public static final String CLIENT_PATH_ATTRIBUTE = ProblemWriter.class.getName() + ".clientPath";

    private final JsonMapper jsonMapper;

    public ProblemWriter(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /** The problem as JSON bytes. */
    public byte[] body(HttpStatusCode status, String code, String detail, String instance, Map<String, ?> extra) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_PREFIX + code);
        problem.put("title", ProblemCode.find(code).map(ProblemCode::title).orElseGet(() -> titleOf(code)));
        problem.put("status", status.value());
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        problem.put("code", code);
        problem.putAll(extra);
        return jsonMapper.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
    }

    /** Answers the exchange with a problem of the catalogue, at the code's status. */
    public Mono<Void> write(ServerWebExchange exchange, ProblemCode code, String detail, Map<String, ?> extra) {
        return write(exchange, code.status(), code.code(), detail, extra);
    }

    /** Answers the exchange with the problem; the instance is the request's raw path. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String code, String detail,
                            Map<String, ?> extra) {
        byte[] body = body(status, code, detail, clientPath(exchange), extra);
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    /** The raw path the client asked for, also in a forwarded exchange. */
    private static String clientPath(ServerWebExchange exchange) {
        String clientPath = exchange.getAttribute(CLIENT_PATH_ATTRIBUTE);
        return clientPath != null ? clientPath : exchange.getRequest().getPath().value();
    }

    /** The code of a status without a more specific one, as the services derive it: 404 → {@code not-found}. */
    public static String codeFor(HttpStatusCode status) {
        return ProblemCode.forStatus(status);
    }

    /** "error-599" becomes "Error 599" (a code outside the catalogue, derived from a bare status). */
    static String titleOf(String code) {
        String words = code.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
