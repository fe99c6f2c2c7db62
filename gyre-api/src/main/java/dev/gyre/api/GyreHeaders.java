package dev.gyre.api;

/** The HTTP headers Gyre's gateway and services pass between them. */
public final class GyreHeaders {
    /** Who called, as the gateway authenticated them; services read it through {@link Caller}. */
    public static final String USER = "X-Gyre-User";
    /** The request's id, kept on every log line and passed on to every peer; its rule is {@link RequestIds}. */
    public static final String REQUEST_ID = "X-Request-Id";

    private GyreHeaders() {
    }
}
