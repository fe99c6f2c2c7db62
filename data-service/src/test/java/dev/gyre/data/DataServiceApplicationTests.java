package dev.gyre.data;

import dev.gyre.core.blob.BlobStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static dev.gyre.test.UniqueNames.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

class DataServiceApplicationTests extends DataServiceTestBase {

    @Autowired
    BlobStore blobs;

    @Test
    void storesContentOnceUnderItsDigest() {
        byte[] content = "a,b\n1,2\n".getBytes();
        String first = blobs.put(content);
        String second = blobs.put(content);
        assertThat(first).isEqualTo(second).hasSize(64);
        assertThat(blobs.get(first)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(content));
    }

    @Test
    void exposesIngestMetricsToPrometheus() {
        String name = createDataset(uniqueName("metrics"), null);
        assertThat(postCsv(name, "x,y\n1,2\n3,4\n".getBytes()).status()).isEqualTo(201);

        String scrape = http.get("/actuator/prometheus").text();
        assertThat(scrape).contains("gyre_data_ingested_rows_total", "gyre_data_ingested_versions_total",
                "gyre_data_ingest_seconds_count");
    }
}
