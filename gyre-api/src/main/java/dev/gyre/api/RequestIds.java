package dev.gyre.api;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@value GyreHeaders#REQUEST_ID} rule, the same at the gateway and in every service: a caller's id is kept if
 * it is a sane token, otherwise a UUID replaces it.
 */
public final class RequestIds {
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    /** Whether {@code candidate} is at most 64 characters of {@code [A-Za-z0-9._-]}. */
    public static boolean isSane(String candidate) {
        return candidate != null && SANE.matcher(candidate).matches();
    }

    /** {@code candidate} if it {@linkplain #isSane is sane}, else a new UUID. */
    public static String saneOrNew(String candidate) {
        return isSane(candidate) ? candidate : UUID.randomUUID().toString();
    }
}
