package dev.gyre.boot.requestid;

import java.util.UUID;
import java.util.regex.Pattern;

/** The {@code X-Request-Id} rule: a caller's id is kept if it is a sane token, otherwise a UUID replaces it. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** The SLF4J MDC key the current request's id is under. */
    public static final String MDC_KEY = "requestId";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    /** {@code candidate} if it is at most 64 characters of {@code [A-Za-z0-9._-]}, else a new UUID. */
    public static String saneOrNew(String candidate) {
        return candidate != null && SANE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }
}
