package dev.gyre.allinone;

/** A start-up failure the user can fix; its message is printed without a stack trace. */
final class LaunchException extends RuntimeException {

    LaunchException(String message) {
        super(message);
    }

    LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
