package dev.gyre.allinone;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What the launcher reads from its environment.
 *
 * @param dataDir           {@code GYRE_DATA_DIR} (default {@code ./.gyre}): PostgreSQL data, blobs and extracted jars
 * @param gatewayPort       {@code GYRE_PORT} (default 8080)
 * @param databasePort      {@code GYRE_DB_PORT}, or empty for a free port
 * @param adminKey          {@code GYRE_ADMIN_KEY}, or a fresh random key
 * @param adminKeyGenerated whether the key was generated (so it is worth printing)
 * @param javaOptions       {@code GYRE_JAVA_OPTS}, appended after the defaults of every service (later flags win)
 * @param startTimeout      {@code GYRE_START_TIMEOUT} in seconds (default 300)
 */
record Settings(Path dataDir, int gatewayPort, OptionalInt databasePort, String adminKey, boolean adminKeyGenerated,
                List<String> javaOptions, Duration startTimeout) {

    static Settings from(Map<String, String> env) {
        String key = blankToNull(env.get("GYRE_ADMIN_KEY"));
        boolean generated = key == null;
        if (generated) {
            key = randomKey();
        }
        String dbPort = blankToNull(env.get("GYRE_DB_PORT"));
        String javaOpts = blankToNull(env.get("GYRE_JAVA_OPTS"));
        return new Settings(
                Path.of(env.getOrDefault("GYRE_DATA_DIR", "./.gyre")).toAbsolutePath().normalize(),
                port("GYRE_PORT", env.getOrDefault("GYRE_PORT", "8080")),
                dbPort == null ? OptionalInt.empty() : OptionalInt.of(port("GYRE_DB_PORT", dbPort)),
                key,
                generated,
                javaOpts == null ? List.of() : Arrays.asList(javaOpts.trim().split("\\s+")),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("GYRE_START_TIMEOUT", "300"))));
    }

    /** 32 random bytes, URL-safe Base64 without padding: 43 characters. */
    static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static int port(String name, String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new LaunchException(name + " must be a port number (1-65535), not '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
