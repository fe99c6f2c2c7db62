package dev.gyre.data;

import dev.gyre.core.blob.BlobStore;
import dev.gyre.test.PostgresTestConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PostgresTestConfiguration.class)
class DataServiceApplicationTests {

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
}
