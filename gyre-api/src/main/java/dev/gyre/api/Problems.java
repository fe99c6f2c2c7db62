package dev.gyre.api;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * RFC 9457 problems with stable types. Every error a Gyre service returns is one of these: its
 * {@code type} is {@code https://gyre.dev/problems/<code>} and its {@code code} property repeats
 * the code for clients that switch on it. Extra properties name the field, row or column at fault.
 */
public final class Problems {
    public static final String TYPE_PREFIX = "https://gyre.dev/problems/";

    private Problems() {
    }

    /** A problem response: throw it from a controller or service. */
    public static ErrorResponseException of(HttpStatusCode status, String code, String detail,
                                            Map<String, ?> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setTitle(titleOf(code));
        problem.setProperty("code", code);
        properties.forEach(problem::setProperty);
        return new ErrorResponseException(status, problem, null);
    }

    public static ErrorResponseException badRequest(String code, String detail, Map<String, ?> properties) {
        return of(HttpStatus.BAD_REQUEST, code, detail, properties);
    }

    public static ErrorResponseException badRequest(String code, String detail) {
        return badRequest(code, detail, Map.of());
    }

    public static ErrorResponseException notFound(String what, String id) {
        return of(HttpStatus.NOT_FOUND, "not-found", what + " '" + id + "' does not exist", Map.of());
    }

    public static ErrorResponseException conflict(String code, String detail) {
        return of(HttpStatus.CONFLICT, code, detail, Map.of());
    }

    public static ErrorResponseException unavailable(String code, String detail) {
        return of(HttpStatus.SERVICE_UNAVAILABLE, code, detail, Map.of());
    }

    /** "invalid-csv" becomes "Invalid csv". */
    static String titleOf(String code) {
        String words = code.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
