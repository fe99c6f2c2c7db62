package dev.gyre.api;

/**
 * Who is asking: the gateway's authenticated user from {@value GyreHeaders#USER}, or {@value #ANONYMOUS} when a
 * service is called directly. An API method that records its caller takes one: a service's controller gets it
 * from the request's header, a client sends it as that header (gyre-boot resolves it both ways).
 *
 * @param user the caller's name, stripped and at most {@value #MAX_LENGTH} characters; never blank
 */
public record Caller(String user) {
    public static final String ANONYMOUS = "anonymous";
    public static final int MAX_LENGTH = 128;

    public Caller {
        if (user == null || user.isBlank()) {
            user = ANONYMOUS;
        }
        user = user.strip();
        if (user.length() > MAX_LENGTH) {
            user = user.substring(0, MAX_LENGTH);
        }
    }

    /** The caller the header names ({@code null} or blank is {@link #anonymous()}). */
    public static Caller fromHeader(String header) {
        return new Caller(header);
    }

    public static Caller anonymous() {
        return new Caller(ANONYMOUS);
    }
}
