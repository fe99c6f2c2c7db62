package dev.gyre.boot.peer;

/**
 * What a peer answered when it refused a call: its HTTP status and, when its body was a Gyre problem, the
 * problem's {@code code} and {@code detail} (each null otherwise).
 */
public record PeerAnswer(int status, String code, String detail) {
}
