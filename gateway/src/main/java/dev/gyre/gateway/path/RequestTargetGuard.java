package dev.gyre.gateway.path;

import dev.gyre.api.ProblemCode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.gyre.gateway.problem.ProblemWriter;

/**
 * Refuses, before authentication and routing, every request path whose meaning depends on who decodes it: routing
 * matches the decoded path without {@code ;} parameters, a service decodes and normalizes again, so a path that
 * reads differently before and after decoding could reach a route it does not seem to name. A 400
 * {@code invalid-path} problem answers a path with a {@code ;} (raw or {@code %3B}), an encoded slash or backslash,
 * a {@code .} or {@code ..} segment (raw or encoded), an empty segment ({@code //}), a control character such as
 * NUL, a broken or non-UTF-8 escape, or an escape that decodes to another escape (double encoding). TRACE, CONNECT
 * and unknown methods get 405 {@code method-not-allowed}.
 */
final class RequestTargetGuard implements WebFilter, Ordered {

    static final Set<HttpMethod> ALLOWED_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);
    private static final Pattern ESCAPE = Pattern.compile("%[0-9A-Fa-f]{2}");

    private final ProblemWriter problems;

    RequestTargetGuard(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 50; // after the request id, before authentication (+100)
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpMethod method = exchange.getRequest().getMethod();
        if (!ALLOWED_METHODS.contains(method)) {
            exchange.getResponse().getHeaders().setAllow(ALLOWED_METHODS);
            return problems.write(exchange, ProblemCode.METHOD_NOT_ALLOWED,
                    "Method " + method + " is not accepted by the gateway", Map.of());
        }
        String rawPath = exchange.getRequest().getURI().getRawPath();
        String fault = faultOf(rawPath);
        if (fault != null) {
            return problems.write(exchange, ProblemCode.INVALID_PATH,
                    "The request path is refused: " + fault, Map.of("field", "path"));
        }
        return chain.filter(exchange);
    }

    /** What is wrong with a raw (still encoded) path, or null when it means the same to every reader. */
    static String faultOf(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return "it must start with /";
        }
        if (rawPath.equals("/")) {
            return null;
        }
        String[] segments = rawPath.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String raw = segments[i];
            boolean last = i == segments.length - 1;
            if (raw.isEmpty()) {
                if (last) {
                    continue; // a trailing slash: it names no other route
                }
                return "it has an empty segment (//)";
            }
            if (raw.indexOf(';') >= 0) {
                return "path parameters (;) are not accepted";
            }
            String decoded = decode(raw);
            if (decoded == null) {
                return "it has a broken percent-escape, an escape that is not UTF-8 (such as %FF%FE) or a raw non-ASCII character";
            }
            String fault = faultOfDecoded(decoded);
            if (fault != null) {
                return fault;
            }
        }
        return null;
    }

    private static String faultOfDecoded(String segment) {
        if (segment.chars().allMatch(c -> c == '.')) {
            return "'.' and '..' segments are not accepted";
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '/') {
                return "an encoded slash (%2F) is not accepted";
            }
            if (c == '\\') {
                return "a backslash is not accepted";
            }
            if (c == ';') {
                return "path parameters (;) are not accepted, encoded or not";
            }
            if (Character.isISOControl(c)) {
                return "control characters (such as NUL, %00) are not accepted";
            }
        }
        if (ESCAPE.matcher(segment).find()) {
            return "a doubly encoded character (such as %2561) is not accepted";
        }
        return null;
    }

    /** The segment percent-decoded as UTF-8, or null when an escape is broken or the bytes are not UTF-8. */
    private static String decode(String raw) {
        ByteBuffer bytes = ByteBuffer.allocate(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.put((byte) (high * 16 + low));
                i += 2;
            } else if (c < 0x80) {
                bytes.put((byte) c);
            } else {
                return null; // a request target is ASCII: anything else must be percent-encoded
            }
        }
        bytes.flip();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = utf8.decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
