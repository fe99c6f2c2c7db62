package dev.gyre.allinone;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedJarsTest {

    @TempDir
    Path lib;

    private final Map<String, byte[]> resources = new HashMap<>();
    private final AtomicInteger jarReads = new AtomicInteger();
    private final EmbeddedJars.Source source = path -> {
        byte[] bytes = resources.get(path);
        if (bytes == null) {
            return null;
        }
        if (path.endsWith(".jar")) {
            jarReads.incrementAndGet();
        }
        return new ByteArrayInputStream(bytes);
    };

    @Test
    void extractsAJarTheFirstTimeAndRecordsItsDigest() throws IOException {
        embed("data-service", "version one");

        EmbeddedJars.Extracted extracted = new EmbeddedJars(source, lib).extract("data-service");

        assertThat(extracted.written()).isTrue();
        assertThat(extracted.jar()).isEqualTo(lib.resolve("data-service.jar"));
        assertThat(Files.readString(extracted.jar())).isEqualTo("version one");
        assertThat(Files.readString(lib.resolve("data-service.jar.sha256")).trim()).isEqualTo(sha256("version one"));
        try (var files = Files.list(lib)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("data-service.jar", "data-service.jar.sha256");
        }
    }

    @Test
    void leavesAnUnchangedJarAloneWithoutReadingIt() throws IOException {
        embed("data-service", "version one");
        new EmbeddedJars(source, lib).extract("data-service");
        jarReads.set(0);

        EmbeddedJars.Extracted again = new EmbeddedJars(source, lib).extract("data-service");

        assertThat(again.written()).isFalse();
        assertThat(jarReads).hasValue(0);
    }

    @Test
    void replacesAJarWhoseEmbeddedVersionChanged() throws IOException {
        embed("data-service", "version one");
        new EmbeddedJars(source, lib).extract("data-service");
        embed("data-service", "version two!");

        EmbeddedJars.Extracted extracted = new EmbeddedJars(source, lib).extract("data-service");

        assertThat(extracted.written()).isTrue();
        assertThat(Files.readString(extracted.jar())).isEqualTo("version two!");
        assertThat(Files.readString(lib.resolve("data-service.jar.sha256")).trim()).isEqualTo(sha256("version two!"));
    }

    @Test
    void reExtractsAJarDamagedOnDiskEvenWhenItsSizeIsUnchanged() throws IOException {
        embed("data-service", "version one");
        new EmbeddedJars(source, lib).extract("data-service");
        Files.writeString(lib.resolve("data-service.jar"), "version 0ne");
        Files.delete(lib.resolve("data-service.jar.sha256"));

        EmbeddedJars.Extracted extracted = new EmbeddedJars(source, lib).extract("data-service");

        assertThat(extracted.written()).isTrue();
        assertThat(Files.readString(extracted.jar())).isEqualTo("version one");
    }

    @Test
    void refusesAnEmbeddedJarThatDoesNotMatchItsStamp() {
        embed("data-service", "version one");
        resources.put("services/data-service.jar", "tampered!!!".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> new EmbeddedJars(source, lib).extract("data-service"))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("data-service.jar is damaged");
        assertThat(lib.resolve("data-service.jar")).doesNotExist();
    }

    @Test
    void namesTheMissingJarAndHowToBuildIt() {
        assertThatThrownBy(() -> new EmbeddedJars(source, lib).extract("gateway"))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("no gateway.jar")
                .hasMessageContaining("./mvnw install");
    }

    private void embed(String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        resources.put("services/" + name + ".jar", bytes);
        resources.put("services/" + name + ".jar.properties",
                ("sha256=" + sha256(content) + "\nsize=" + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(String content) {
        return HexFormat.of().formatHex(EmbeddedJars.sha256().digest(content.getBytes(StandardCharsets.UTF_8)));
    }

}
