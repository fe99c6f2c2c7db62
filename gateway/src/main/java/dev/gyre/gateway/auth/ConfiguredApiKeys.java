package dev.gyre.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keys from configuration. Keys are kept and compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, so neither the content nor the length of a key leaks through timing,
 * and every configured key is compared on every call.
 */
final class ConfiguredApiKeys implements ApiKeys {

    private record Key(byte[] digest, Caller caller) {
    }

    private final List<Key> keys;

    ConfiguredApiKeys(Map<String, Caller> callersByKey) {
        List<Key> digested = new ArrayList<>();
        callersByKey.forEach((key, caller) -> {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("an API key must not be blank (caller " + caller.user() + ")");
            }
            digested.add(new Key(digest(key), caller));
        });
        this.keys = List.copyOf(digested);
    }

    @Override
    public Optional<Caller> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = digest(presentedKey);
        Caller found = null;
        for (Key key : keys) {
            if (MessageDigest.isEqual(key.digest(), presented) && found == null) {
                found = key.caller();
            }
        }
        return Optional.ofNullable(found);
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
