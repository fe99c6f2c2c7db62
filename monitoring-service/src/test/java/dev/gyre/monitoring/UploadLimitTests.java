package dev.gyre.monitoring;

import dev.gyre.test.HttpTestClient.Response;
import dev.gyre.test.Multipart;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static dev.gyre.test.ProblemAssertions.problem;

/** An upload past the multipart limit is a 413 problem in every service (the limit is made small here). */
@TestPropertySource(properties = {"spring.servlet.multipart.max-file-size=1KB",
        "spring.servlet.multipart.max-request-size=64KB"})
class UploadLimitTests extends MonitoringServiceTestBase {

    @Test
    void aFilePastTheUploadLimitIsA413Problem() {
        Multipart body = new Multipart().file("file", "big.csv", "text/csv", new byte[8 * 1024]);
        Response response = http.post("/api/v1/feedback", body.contentType(), body.bytes());
        problem(response, 413, "upload-too-large");
    }
}
