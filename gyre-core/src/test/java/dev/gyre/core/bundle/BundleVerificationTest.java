package dev.gyre.core.bundle;

import dev.gyre.core.blob.Digests;
import dev.gyre.core.features.FeatureSpec;
import dev.gyre.core.ml.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad bundles made from a real one: cut, padded, inflated, lying about sizes. Each must be refused before it is used. */
class BundleVerificationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static byte[] real;

    @BeforeAll
    static void realBundle() {
        real = ModelBundles.write(ModelBundlesTest.trained(Task.CLASSIFICATION, "cart", "maxDepth=3"));
    }

    private static BundleIntegrityException refused(byte[] bytes) {
        try {
            ModelBundles.read(bytes, Digests.sha256Hex(bytes));
        } catch (BundleIntegrityException e) {
            return e;
        }
        throw new AssertionError("bundle of " + bytes.length + " bytes was accepted");
    }

    @Test
    void theRealBundleIsAccepted() {
        assertThat(ModelBundles.read(real, Digests.sha256Hex(real)).spec().label()).isEqualTo("Species");
    }

    @Test
    void refusesABundleWithItsLastByteCut() {
        assertThat(refused(Arrays.copyOf(real, real.length - 1))).hasMessageContaining("end of central directory");
    }

    @Test
    void refusesABundleCutAnywhere() {
        for (int cut = 1; cut < real.length; cut += Math.max(1, real.length / 97)) {
            refused(Arrays.copyOf(real, cut));
        }
        for (int cut = real.length - 200; cut < real.length; cut++) {
            refused(Arrays.copyOf(real, cut));
        }
    }

    @Test
    void refusesTrailingGarbage() {
        byte[] padded = Arrays.copyOf(real, real.length + 1024);
        Arrays.fill(padded, real.length, padded.length, (byte) 'x');
        assertThat(refused(padded)).hasMessageContaining("does not end with its end of central directory record");
        // a second, valid zip appended is garbage too
        byte[] twice = Arrays.copyOf(real, real.length * 2);
        System.arraycopy(real, 0, twice, real.length, real.length);
        refused(twice);
        byte[] oneByte = Arrays.copyOf(real, real.length + 1);
        refused(oneByte);
    }

    @Test
    void refusesBytesHiddenBeforeTheFirstEntry() {
        byte[] prefixed = new byte[real.length + 16];
        System.arraycopy(real, 0, prefixed, 16, real.length);
        refused(prefixed);
    }

    @Test
    void refusesAZipBombFromItsDeclaredSizesWithoutInflatingIt() throws IOException {
        // one 300 MB entry of zeros deflates to about 0.3 MB; the manifest is made to match
        byte[] bomb = rezip(real, "model.tribuo", 300L << 20);
        assertThat(bomb.length).isLessThan(1 << 20);
        BundleIntegrityException e = refused(bomb);
        assertThat(e).isInstanceOf(BundleTooLargeException.class).hasMessageContaining("inflates to more than");
        assertThat(((BundleTooLargeException) e).limit()).isEqualTo(BundleLimits.DEFAULT.maxUncompressedBytes());
    }

    @Test
    void refusesAnEntryThatCompressesFarBetterThanAnyModel() throws IOException {
        byte[] dense = rezip(real, "model.tribuo", 20L << 20);
        assertThat(refused(dense)).isInstanceOf(BundleTooLargeException.class).hasMessageContaining("times its compressed size");
        // and a lower total limit applies to the same bytes
        assertThatThrownBy(() -> ModelBundles.read(real, Digests.sha256Hex(real), new BundleLimits(1000, 200, 1 << 20)))
                .isInstanceOf(BundleTooLargeException.class);
    }

    @Test
    void refusesAnEntryThatInflatesPastItsDeclaredSize() throws IOException {
        // the central directory says 1000 bytes; the deflated data holds 50 MB: caught while streaming
        byte[] lying = declareSize(rezip(real, "provenance.json", 50L << 20), "provenance.json", 1000);
        assertThat(refused(lying)).hasMessageContaining("inflates past its declared 1000 bytes");
        byte[] shrunk = declareSize(real, "metrics.json", 3);
        refused(shrunk);
    }

    @Test
    void refusesACorruptEntryWhoseDigestWasRecomputed() {
        byte[] flipped = real.clone();
        flipped[200] ^= 0x55;
        refused(flipped);
    }

    @Test
    void refusesADuplicateOrMissingEntry() throws IOException {
        Map<String, byte[]> entries = entries(real);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                if (!e.getKey().equals("metrics.json")) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
        }
        assertThat(refused(out.toByteArray())).hasMessageContaining("do not match the expected");
    }

    @Test
    void refusesAModelThatDoesNotFitItsFeatureSpec() {
        ModelBundle bundle = ModelBundles.read(real, Digests.sha256Hex(real));
        FeatureSpec spec = bundle.spec();
        FeatureSpec fewerFields = new FeatureSpec(spec.label(), spec.task(), spec.fields().subList(1, spec.fields().size()),
                spec.labels());
        byte[] noField = ModelBundles.write(ModelBundle.of(bundle.model(), fewerFields, Map.of(), Map.of()));
        assertThat(refused(noField)).hasMessageContaining("which feature-spec.json does not produce");

        FeatureSpec fewerClasses = new FeatureSpec(spec.label(), spec.task(), spec.fields(), spec.labels().subList(0, 2));
        byte[] noClass = ModelBundles.write(ModelBundle.of(bundle.model(), fewerClasses, Map.of(), Map.of()));
        assertThat(refused(noClass)).hasMessageContaining("which feature-spec.json does not list");
    }

    /** The real bundle with {@code name} replaced by {@code size} zero bytes, the manifest updated to match. */
    private static byte[] rezip(byte[] bundle, String name, long size) throws IOException {
        Map<String, byte[]> entries = entries(bundle);
        java.security.MessageDigest sha = sha256();
        byte[] zeros = new byte[1 << 20];
        for (long left = size; left > 0; left -= zeros.length) {
            sha.update(zeros, 0, (int) Math.min(left, zeros.length));
        }
        ObjectNode manifest = (ObjectNode) JSON.readTree(entries.get("manifest.json"));
        manifest.get("entries").forEach(e -> {
            if (e.get("name").asString().equals(name)) {
                ((ObjectNode) e).put("sha256", java.util.HexFormat.of().formatHex(sha.digest()));
            }
        });
        entries.put("manifest.json", JSON.writeValueAsBytes(manifest));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                if (e.getKey().equals(name)) {
                    for (long left = size; left > 0; left -= zeros.length) {
                        zip.write(zeros, 0, (int) Math.min(left, zeros.length));
                    }
                } else {
                    zip.write(e.getValue());
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** Rewrites the uncompressed size the central directory declares for {@code name}. */
    private static byte[] declareSize(byte[] zip, String name, int size) {
        byte[] copy = zip.clone();
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 < copy.length; i++) {
            if (copy[i] == 'P' && copy[i + 1] == 'K' && copy[i + 2] == 1 && copy[i + 3] == 2) {
                int length = (copy[i + 28] & 0xFF) | (copy[i + 29] & 0xFF) << 8;
                if (Arrays.equals(copy, i + 46, i + 46 + length, wanted, 0, wanted.length)) {
                    copy[i + 24] = (byte) size;
                    copy[i + 25] = (byte) (size >> 8);
                    copy[i + 26] = (byte) (size >> 16);
                    copy[i + 27] = (byte) (size >> 24);
                    return copy;
                }
            }
        }
        throw new AssertionError("no central directory entry " + name);
    }

    private static Map<String, byte[]> entries(byte[] bundle) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private static java.security.MessageDigest sha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
