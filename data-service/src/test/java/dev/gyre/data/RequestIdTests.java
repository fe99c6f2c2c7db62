package dev.gyre.data;

import dev.gyre.test.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** gyre-boot's request ids: X-Request-Id kept when sane, generated otherwise, and carried by outgoing calls. */
class RequestIdTests extends DataServiceTestBase {

    @Autowired
    RestClient.Builder restClientBuilder;

    @Test
    void answersWithAGeneratedRequestId() {
        Response response = http.get("/api/v1/datasets");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Request-Id")).hasValueSatisfying(
                id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }

    @Test
    void echoesASaneIncomingRequestId() {
        Response response = http.withHeader("X-Request-Id", "abc-123_x.Y").get("/api/v1/datasets");

        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("abc-123_x.Y");
    }

    @Test
    void replacesAnInsaneIncomingRequestId() {
        String tooLong = "a".repeat(200);
        Response longOne = http.withHeader("X-Request-Id", tooLong).get("/api/v1/datasets");
        Response spaced = http.withHeader("X-Request-Id", "has spaces").get("/api/v1/datasets");
        Response problem = http.withHeader("X-Request-Id", "bad<id>").get("/api/v1/datasets/no-such-dataset-here");

        assertThat(longOne.headers().firstValue("X-Request-Id")).hasValueSatisfying(
                id -> assertThat(id).isNotEqualTo(tooLong).matches("[0-9a-f-]{36}"));
        assertThat(spaced.headers().firstValue("X-Request-Id")).hasValueSatisfying(
                id -> assertThat(id).matches("[0-9a-f-]{36}"));
        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.headers().firstValue("X-Request-Id")).hasValueSatisfying(
                id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }

    @Test
    void outgoingRestClientCallsCarryTheCurrentRequestId() {
        RestClient client = restClientBuilder.baseUrl(http.baseUrl()).build();
        MDC.put("requestId", "outgoing-7");
        ResponseEntity<Void> withId;
        try {
            withId = client.get().uri("/api/v1/datasets").retrieve().toBodilessEntity();
        } finally {
            MDC.remove("requestId");
        }
        ResponseEntity<Void> withoutId = client.get().uri("/api/v1/datasets").retrieve().toBodilessEntity();

        assertThat(withId.getHeaders().getFirst("X-Request-Id")).isEqualTo("outgoing-7");
        assertThat(withoutId.getHeaders().getFirst("X-Request-Id")).isNotEqualTo("outgoing-7");
    }
}
