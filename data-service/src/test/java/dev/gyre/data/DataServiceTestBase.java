package dev.gyre.data;

import java.util.List;

import dev.gyre.core.table.CsvTables;
import dev.gyre.core.table.Table;
import dev.gyre.test.HttpTestClient;
import dev.gyre.test.HttpTestClient.Response;
import dev.gyre.test.Multipart;
import dev.gyre.test.PostgresTestConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistrar;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every data-service test runs against one context: the service on a random port, a real PostgreSQL, and
 * requests over real HTTP ({@link HttpTestClient}). Keep the properties here, not in subclasses, so the context is
 * shared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // URL ingest may fetch from local stubs only when they are named 127.0.0.1; every other spelling of this
        // machine stays refused. Short limits so the endless and trickling sources of UrlIngestTests end quickly.
        "gyre.data.ingest.allowed-hosts=127.0.0.1",
        "gyre.data.ingest.total-timeout=2s",
        "gyre.data.ingest.max-size=1MB",
        // uploads over 256 KB become background jobs (IngestJobTests); the penguins and every small body stay 201
        "gyre.data.jobs.async-above=256KB",
        "gyre.data.jobs.waited-in-request-up-to=512KB",
        // an upload past 4 MB is refused while it streams (IngestJobTests)
        "gyre.data.ingest.max-upload=4MB",
        // JDBC ingest reads the test's own PostgreSQL (URLs added by JdbcConnections below): a plain connection
        // that streams in batches of 1,000, one capped at 100 rows, one with a 1 s timeout fetching row by row,
        // one with a wrong password and one to a port where nothing listens
        "gyre.data.jdbc.connections.warehouse.fetch-size=1000",
        "gyre.data.jdbc.connections.capped.max-rows=100",
        "gyre.data.jdbc.connections.impatient.query-timeout=1s",
        "gyre.data.jdbc.connections.impatient.fetch-size=1",
        "gyre.data.jdbc.connections.locked.username=" + DataServiceTestBase.LOCKED_ROLE,
        "gyre.data.jdbc.connections.locked.password=" + DataServiceTestBase.WRONG_PASSWORD,
        "gyre.data.jdbc.connections.offline.url=jdbc:postgresql://127.0.0.1:1/warehouse",
        "gyre.data.jdbc.connections.offline.username=gyre",
        "gyre.data.jdbc.connections.offline.password=" + DataServiceTestBase.WRONG_PASSWORD,
        "gyre.data.jdbc.connections.offline.connect-timeout=2s"})
@Import({PostgresTestConfiguration.class, DataServiceTestBase.JdbcConnections.class})
public abstract class DataServiceTestBase {
    /** A role JdbcIngestTests makes to log in with a password (the embedded server trusts everyone else). */
    protected static final String LOCKED_ROLE = "jdbc_source_locked";
    protected static final String WRONG_PASSWORD = "not-the-password-5f3a9c";

    /** The JDBC connections' URL and login, known once the test's PostgreSQL has started. */
    @TestConfiguration(proxyBeanMethods = false)
    static class JdbcConnections {
        @Bean
        DynamicPropertyRegistrar jdbcIngestConnections(JdbcConnectionDetails database) {
            // without the URL's own parameters: zonky's names the user, which would win over the configured login
            String url = database.getJdbcUrl().replaceFirst("\\?.*$", "");
            return registry -> {
                for (String name : List.of("warehouse", "capped", "impatient", "locked")) {
                    registry.add("gyre.data.jdbc.connections." + name + ".url", () -> url);
                }
                for (String name : List.of("warehouse", "capped", "impatient")) {
                    registry.add("gyre.data.jdbc.connections." + name + ".username", database::getUsername);
                    registry.add("gyre.data.jdbc.connections." + name + ".password", database::getPassword);
                }
            };
        }
    }

    protected HttpTestClient http;

    @LocalServerPort
    void connect(int port) {
        http = new HttpTestClient(port);
    }

    protected Response postCsv(String dataset, byte[] csv) {
        return http.post("/api/v1/datasets/" + dataset + "/versions", "text/csv", csv);
    }

    protected Response postMultipart(String path, String part, String filename, byte[] content) {
        Multipart body = new Multipart().file(part, filename, "text/csv", content);
        return http.post(path, body.contentType(), body.bytes());
    }

    /**
     * Asserts that {@code served} CSV holds the same header and cells as {@code uploaded} (Gyre serves the rows it
     * stored as Parquet, not the uploaded bytes: no BOM, LF line ends, quotes only where needed).
     */
    protected static void assertSameRows(byte[] served, byte[] uploaded) {
        Table actual = CsvTables.read(served);
        Table expected = CsvTables.read(uploaded);
        assertThat(actual.header()).isEqualTo(expected.header());
        assertThat(actual.rows()).hasSameSizeAs(expected.rows());
        for (int r = 0; r < expected.rowCount(); r++) {
            assertThat(actual.rows().get(r)).as("row " + (r + 1)).containsExactly(expected.rows().get(r));
        }
    }

    /** Creates a dataset and asserts the 201; {@code schemaJson} is a JSON array or null. */
    protected String createDataset(String name, String schemaJson) {
        String body = "{\"name\":\"" + name + "\"" + (schemaJson == null ? "" : ",\"schema\":" + schemaJson) + "}";
        Response response = http.post("/api/v1/datasets", body);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return name;
    }
}
