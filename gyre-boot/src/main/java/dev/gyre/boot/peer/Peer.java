package dev.gyre.boot.peer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.gyre.api.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Another Gyre service, called through its {@code @HttpExchange} client. Every call's failure becomes one of two
 * problems naming the service: unreachable → 503 {@code <service>-unavailable}; a 4xx/5xx answer, an empty or an
 * unreadable one → 502 {@code <service>-error} carrying the peer's {@code detail} (in ours) and its {@code code}
 * and status (as {@code peerCode}, {@code peerStatus}). A caller that gives one status its own meaning (a 404 is
 * usually the caller's "not found") passes a translation for it.
 *
 * @param service the peer's name, e.g. {@code registry-service}: the problems' code prefix and {@code service}
 */
public record Peer(String service) {
    private static final Logger log = LoggerFactory.getLogger(Peer.class);
    private static final JsonMapper JSON = JsonMapper.shared();

    /** The result of {@code call}, never null; {@code what} ("model 'churn' version 3") goes into the details. */
    public <T> T call(String what, Supplier<T> call) {
        return call(what, call, 0, answer -> null);
    }

    /**
     * As {@link #call(String, Supplier)}, but a {@code status} answer is thrown as {@code onStatus} makes it
     * (or as the usual 502 when {@code onStatus} gives null).
     */
    public <T> T call(String what, Supplier<T> call, int status,
                      Function<PeerAnswer, ? extends RuntimeException> onStatus) {
        T result;
        try {
            result = call.get();
        } catch (RestClientResponseException e) {
            PeerAnswer answer = answerOf(e);
            RuntimeException own = answer.status() == status ? onStatus.apply(answer) : null;
            throw own != null ? own : refused(what, answer);
        } catch (ResourceAccessException e) {
            throw Problems.of(HttpStatus.SERVICE_UNAVAILABLE, service + "-unavailable", service
                    + " could not be reached for " + what + ": " + e.getMostSpecificCause().getMessage(),
                    Map.of("service", service));
        } catch (RestClientException e) {
            throw error("sent an unreadable answer for " + what + ": " + e.getMostSpecificCause().getMessage());
        }
        if (result == null) {
            throw error("answered an empty body for " + what);
        }
        return result;
    }

    /** The result of {@code call}, or empty when the peer answers 404; other failures as {@link #call}. */
    public <T> Optional<T> find(String what, Supplier<T> call) {
        NotFound notFound = new NotFound();
        try {
            return Optional.of(call(what, call, 404, answer -> notFound));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    /** A 502 {@code <service>-error}: "{@code <service> <what>}", for a bad answer found after the call. */
    public ErrorResponseException error(String what) {
        return Problems.of(HttpStatus.BAD_GATEWAY, service + "-error", service + " " + what,
                Map.of("service", service));
    }

    private ErrorResponseException refused(String what, PeerAnswer answer) {
        log.warn("{} answered {} ({}) for {}", service, answer.status(), answer.code(), what);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("service", service);
        properties.put("peerStatus", answer.status());
        if (answer.code() != null) {
            properties.put("peerCode", answer.code());
        }
        return Problems.of(HttpStatus.BAD_GATEWAY, service + "-error", service + " answered " + answer.status()
                + " for " + what + (answer.detail() == null ? "" : ": " + answer.detail()), properties);
    }

    /** The peer's status, and its problem's code and detail when the body is one. */
    static PeerAnswer answerOf(RestClientResponseException e) {
        String code = null;
        String detail = null;
        try {
            JsonNode body = JSON.readTree(e.getResponseBodyAsByteArray());
            if (body == null) {
                return new PeerAnswer(e.getStatusCode().value(), null, null);
            }
            code = body.path("code").isString() ? body.path("code").asString() : null;
            detail = body.path("detail").isString() ? body.path("detail").asString() : null;
        } catch (JacksonException | IllegalArgumentException notJson) {
            // not a problem body: the status alone says what happened
        }
        return new PeerAnswer(e.getStatusCode().value(), code, detail);
    }

    /** Carries a 404 out of {@link #call} to {@link #find}; never leaves this class. */
    private static final class NotFound extends RuntimeException {
        NotFound() {
            super(null, null, false, false);
        }
    }
}
