package dev.gyre.data.version;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The databases JDBC ingest may read ({@code gyre.data.jdbc.connections.<name>.*}); a request names one, it never
 * carries credentials. None by default.
 *
 * @param connections the connections by name
 */
@ConfigurationProperties("gyre.data.jdbc")
record JdbcProperties(Map<String, Connection> connections) {
    static final String PREFIX = "gyre.data.jdbc.connections";

    JdbcProperties {
        connections = connections == null ? Map.of() : Map.copyOf(connections);
        connections.forEach((name, connection) -> connection.check(name));
    }

    /** The configured names, sorted, for messages. */
    String names() {
        return String.join(", ", new TreeMap<>(connections).keySet());
    }

    /**
     * One database.
     *
     * @param url            its JDBC URL, e.g. {@code jdbc:postgresql://warehouse:5432/sales}
     * @param username       the login; best a role that may only read what ingest should see
     * @param password       its password
     * @param maxRows        the most rows one query may return; a larger result is refused and nothing is stored
     * @param queryTimeout   how long one query may take, from sending it to its last row
     * @param fetchSize      rows fetched per round trip while the result streams
     * @param connectTimeout how long to wait for the connection and login
     */
    record Connection(String url, String username, String password,
                      @DefaultValue("10000000") int maxRows,
                      @DefaultValue("60s") Duration queryTimeout,
                      @DefaultValue("10000") int fetchSize,
                      @DefaultValue("10s") Duration connectTimeout) {

        void check(String name) {
            String at = PREFIX + "." + name;
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException(at + ".url is required (a JDBC URL)");
            }
            if (maxRows < 1 || maxRows == Integer.MAX_VALUE) {
                throw new IllegalArgumentException(at + ".max-rows must be between 1 and " + (Integer.MAX_VALUE - 1));
            }
            if (fetchSize < 1) {
                throw new IllegalArgumentException(at + ".fetch-size must be at least 1");
            }
            if (queryTimeout.toMillis() < 1 || connectTimeout.toMillis() < 1) {
                throw new IllegalArgumentException(at + ".query-timeout and connect-timeout must be positive");
            }
        }

        /** Neither the password nor the URL (which may carry one): a record's own toString prints every field. */
        @Override
        public String toString() {
            return "Connection[username=" + username + ", maxRows=" + maxRows + ", queryTimeout=" + queryTimeout
                    + ", fetchSize=" + fetchSize + ", connectTimeout=" + connectTimeout + "]";
        }
    }
}
