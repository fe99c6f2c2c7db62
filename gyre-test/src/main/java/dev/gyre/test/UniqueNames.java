package dev.gyre.test;

import java.util.Locale;
import java.util.UUID;

/** Names for what tests create, so that tests sharing one database never collide. */
public final class UniqueNames {

    private UniqueNames() {
    }

    /** {@code prefix} and eight random lowercase hex digits: a valid Gyre name when the prefix is one. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }
}
