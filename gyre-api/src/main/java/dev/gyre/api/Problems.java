package dev.gyre.api;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * RFC 9457 problems with stable types, built from the {@link ProblemCode} catalogue. Every error a Gyre service
 * returns is one of these: its {@code type} is {@code https://gyre.dev/problems/<code>} and its {@code code}
 * property repeats the code for clients that switch on it. Extra properties name the field, row or column at fault.
 */
public final class Problems {
    public static final String TYPE_PREFIX = "https://gyre.dev/problems/";

    private Problems() {
    }

    /** A problem response with the code's own status: throw it from a controller or service. */
    public static ErrorResponseException of(ProblemCode code, String detail, Map<String, ?> properties) {
        return of(code.status(), code.code(), detail, properties);
    }

    public static ErrorResponseException of(ProblemCode code, String detail) {
        return of(code, detail, Map.of());
    }

    /** A problem whose status is not the code's usual one (e.g. a peer's bad bundle relayed as 502). */
    public static ErrorResponseException of(ProblemCode code, HttpStatusCode status, String detail,
                                            Map<String, ?> properties) {
        return of(status, code.code(), detail, properties);
    }

    /**
     * A problem with a code made at run time (a peer's own code relayed, or {@code <service>-unavailable});
     * use the catalogue's overloads for anything else.
     */
    public static ErrorResponseException of(HttpStatusCode status, String code, String detail,
                                            Map<String, ?> properties) {
        return new ErrorResponseException(status, detail(status, code, detail, properties), null);
    }

    /** The problem body itself, for writers that are not Spring MVC (the servlet error page, the gateway). */
    public static ProblemDetail detail(HttpStatusCode status, String code, String detail, Map<String, ?> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setTitle(ProblemCode.titleOf(code));
        problem.setProperty("code", code);
        properties.forEach(problem::setProperty);
        return problem;
    }

    public static ProblemDetail detail(ProblemCode code, String detail, Map<String, ?> properties) {
        return detail(code.status(), code.code(), detail, properties);
    }

    /** 404 {@code not-found}: "{what} '{id}' does not exist". */
    public static ErrorResponseException notFound(String what, String id) {
        return of(ProblemCode.NOT_FOUND, what + " '" + id + "' does not exist");
    }
}
