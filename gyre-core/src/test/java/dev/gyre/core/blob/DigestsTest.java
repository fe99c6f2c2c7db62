package dev.gyre.core.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DigestsTest {
    // FIPS 180-2 test vectors
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void hashesBytesToLowercaseHexSha256() {
        assertThat(Digests.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ABC);
        assertThat(Digests.sha256Hex(new byte[0])).isEqualTo(EMPTY);
    }

    @Test
    void hashesStreamsLikeBytes() {
        byte[] big = new byte[200_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }

        assertThat(Digests.sha256Hex(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo(ABC);
        assertThat(Digests.sha256Hex(new ByteArrayInputStream(big))).isEqualTo(Digests.sha256Hex(big));
    }

    @Test
    void recognizesWellFormedKeys() {
        assertThat(Digests.isSha256Hex(ABC)).isTrue();
        assertThat(Digests.isSha256Hex(ABC.toUpperCase())).isFalse();
        assertThat(Digests.isSha256Hex(ABC.substring(1))).isFalse();
        assertThat(Digests.isSha256Hex(null)).isFalse();
    }

    @Test
    void verifyRejectsContentThatDoesNotMatchItsKey() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);

        assertThat(Digests.verify(ABC, abc)).isSameAs(abc);
        assertThatThrownBy(() -> Digests.verify(ABC, "abd".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(BlobCorruptedException.class)
                .hasMessageContaining(ABC)
                .satisfies(e -> assertThat(((BlobCorruptedException) e).expected()).isEqualTo(ABC));
    }

    @Test
    void readsARecordedDigestInAnyCaseWithOrWithoutItsPrefix() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);

        assertThat(Digests.normalize(" SHA256:" + ABC.toUpperCase() + "\n")).isEqualTo(ABC);
        assertThat(Digests.normalize(null)).isEmpty();
        assertThat(Digests.matches(ABC, abc)).isTrue();
        assertThat(Digests.matches(Digests.PREFIX + ABC, abc)).isTrue();
        assertThat(Digests.matches(ABC.toUpperCase(), abc)).isTrue();
        assertThat(Digests.matches(EMPTY, abc)).isFalse();
        assertThat(Digests.matches(null, abc)).isFalse();
        assertThat(Digests.matches("sha256:", abc)).isFalse();
    }
}
