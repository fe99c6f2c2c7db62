package dev.gyre.data;

import dev.gyre.test.HttpTestClient;
import dev.gyre.test.HttpTestClient.Response;
import dev.gyre.test.Multipart;
import dev.gyre.test.PostgresTestConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every data-service test runs against one context: the service on a random port, a real PostgreSQL, and
 * requests over real HTTP ({@link HttpTestClient}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PostgresTestConfiguration.class)
public abstract class DataServiceTestBase {
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

    /** Creates a dataset and asserts the 201; {@code schemaJson} is a JSON array or null. */
    protected String createDataset(String name, String schemaJson) {
        String body = "{\"name\":\"" + name + "\"" + (schemaJson == null ? "" : ",\"schema\":" + schemaJson) + "}";
        Response response = http.post("/api/v1/datasets", body);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return name;
    }
}
