package dev.gyre.data.api;

import java.time.Duration;

/**
 * The {@code wait} preference of RFC 7240's {@code Prefer} header ({@code Prefer: wait=10}, possibly among other
 * preferences): how long the client is willing to wait for a job to end before it is answered. Anything unreadable
 * is ignored, as the RFC asks of a preference a server does not understand.
 */
final class Prefer {
    private Prefer() {
    }

    /** The wait asked for, or zero. */
    static Duration waitOf(String header) {
        if (header == null) {
            return Duration.ZERO;
        }
        for (String preference : header.split(",")) {
            String token = preference.split(";", 2)[0].trim();
            int eq = token.indexOf('=');
            if (eq > 0 && token.substring(0, eq).trim().equalsIgnoreCase("wait")) {
                String value = token.substring(eq + 1).trim().replace("\"", "");
                if (value.matches("\\d{1,9}")) {
                    return Duration.ofSeconds(Long.parseLong(value));
                }
            }
        }
        return Duration.ZERO;
    }
}
