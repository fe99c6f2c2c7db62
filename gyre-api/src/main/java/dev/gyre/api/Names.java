package dev.gyre.api;

import java.util.Map;
import java.util.regex.Pattern;

/** Names of datasets, models, experiments and deployments: {@code [a-z0-9][a-z0-9._-]{0,62}}. */
public final class Names {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private Names() {
    }

    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Throws a 400 problem naming {@code field} unless {@code name} is valid. */
    public static String require(String field, String name) {
        if (!isValid(name)) {
            throw Problems.of(ProblemCode.INVALID_NAME,
                    field + " must match [a-z0-9][a-z0-9._-]{0,62}, got '" + name + "'", Map.of("field", field));
        }
        return name;
    }
}
