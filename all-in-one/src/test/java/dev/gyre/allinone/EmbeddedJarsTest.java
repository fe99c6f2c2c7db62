package dev.gyre.allinone;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedJarsTest {

    @TempDir
    Path lib;

    private final Map<String, byte[]> files = new TreeMap<>();
    private final Map<String, byte[]> resources = new ConcurrentHashMap<>();
    private final AtomicInteger jarReads = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
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

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void extractsEveryFileTheFirstTimeAndRecordsItsDigest() throws IOException {
        embed("jars/spring.jar", "spring one");
        embed("data-service/classes.jar", "data classes");

        int written = new EmbeddedJars(source, lib).extractAll(pool);

        assertThat(written).isEqualTo(2);
        assertThat(Files.readString(lib.resolve("jars/spring.jar"))).isEqualTo("spring one");
        assertThat(Files.readString(lib.resolve("data-service/classes.jar"))).isEqualTo("data classes");
        assertThat(Files.readString(lib.resolve(EmbeddedJars.RECORD)))
                .contains(sha256("spring one") + " 10 jars/spring.jar");
        try (var listed = Files.list(lib.resolve("jars"))) {
            assertThat(listed.map(p -> p.getFileName().toString())).containsExactly("spring.jar");
        }
    }

    @Test
    void leavesUnchangedFilesAloneWithoutReadingThem() throws IOException {
        embed("jars/spring.jar", "spring one");
        new EmbeddedJars(source, lib).extractAll(pool);
        long modified = Files.getLastModifiedTime(lib.resolve("jars/spring.jar")).toMillis();
        jarReads.set(0);

        int written = new EmbeddedJars(source, lib).extractAll(pool);

        assertThat(written).isZero();
        assertThat(jarReads).hasValue(0);
        assertThat(Files.getLastModifiedTime(lib.resolve("jars/spring.jar")).toMillis()).isEqualTo(modified);
    }

    @Test
    void replacesOnlyTheFilesWhoseEmbeddedVersionChanged() throws IOException {
        embed("jars/spring.jar", "spring one");
        embed("jars/tribuo.jar", "tribuo");
        new EmbeddedJars(source, lib).extractAll(pool);
        embed("jars/spring.jar", "spring two!");
        jarReads.set(0);

        int written = new EmbeddedJars(source, lib).extractAll(pool);

        assertThat(written).isEqualTo(1);
        assertThat(jarReads).hasValue(1);
        assertThat(Files.readString(lib.resolve("jars/spring.jar"))).isEqualTo("spring two!");
        assertThat(Files.readString(lib.resolve(EmbeddedJars.RECORD))).contains(sha256("spring two!"));
    }

    @Test
    void reExtractsAFileWhenTheRecordIsGoneEvenWhenItsSizeIsUnchanged() throws IOException {
        embed("jars/spring.jar", "spring one");
        new EmbeddedJars(source, lib).extractAll(pool);
        Files.writeString(lib.resolve("jars/spring.jar"), "spring 0ne");
        Files.delete(lib.resolve(EmbeddedJars.RECORD));

        assertThat(new EmbeddedJars(source, lib).extractAll(pool)).isEqualTo(1);
        assertThat(Files.readString(lib.resolve("jars/spring.jar"))).isEqualTo("spring one");
    }

    @Test
    void deletesJarsNoLongerEmbeddedAndTheJarsOfEarlierLaunchers() throws IOException {
        embed("jars/spring.jar", "spring one");
        Files.createDirectories(lib.resolve("jars"));
        Files.writeString(lib.resolve("jars/old-spring.jar"), "old");
        Files.writeString(lib.resolve("data-service.jar"), "fat jar");
        Files.writeString(lib.resolve("data-service.jar.sha256"), "abc");

        new EmbeddedJars(source, lib).extractAll(pool);

        assertThat(lib.resolve("jars/old-spring.jar")).doesNotExist();
        assertThat(lib.resolve("data-service.jar")).doesNotExist();
        assertThat(lib.resolve("data-service.jar.sha256")).doesNotExist();
        assertThat(lib.resolve("jars/spring.jar")).exists();
    }

    @Test
    void refusesAnEmbeddedFileThatDoesNotMatchItsStamp() {
        embed("jars/spring.jar", "spring one");
        resources.put("services/jars/spring.jar", "tampered!!".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> new EmbeddedJars(source, lib).extractAll(pool))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("jars/spring.jar is damaged");
        assertThat(lib.resolve("jars/spring.jar")).doesNotExist();
        assertThat(lib.resolve(EmbeddedJars.RECORD)).doesNotExist();
    }

    @Test
    void namesTheMissingServicesAndHowToBuildThem() {
        assertThatThrownBy(() -> new EmbeddedJars(source, lib).extractAll(pool))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("./mvnw install");
        assertThatThrownBy(() -> new EmbeddedJars(source, lib).launch("gateway"))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("no gateway")
                .hasMessageContaining("./mvnw install");
    }

    @Test
    void readsTheMainClassAndTheClassPathUnderTheDirectory() {
        resources.put("services/gateway.launch", """
                main-class=dev.gyre.gateway.GatewayApplication
                class-path=gateway/classes.jar:jars/a.jar:jars/b.jar
                """.getBytes(StandardCharsets.UTF_8));

        EmbeddedJars.Launch launch = new EmbeddedJars(source, lib).launch("gateway");

        assertThat(launch.mainClass()).isEqualTo("dev.gyre.gateway.GatewayApplication");
        assertThat(launch.classPath()).containsExactly(lib.resolve("gateway/classes.jar"),
                lib.resolve("jars/a.jar"), lib.resolve("jars/b.jar"));
    }

    @Test
    void writesTheClassPathInArgumentFileSyntax() {
        assertThat(ServiceProcess.argumentFileText(List.of(Path.of("/a b/x.jar"), Path.of("/c\"d/y.jar"))))
                .isEqualTo("-cp \"/a b/x.jar:/c\\\"d/y.jar\"\n");
    }

    private void embed(String path, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        files.put(path, bytes);
        resources.put("services/" + path, bytes);
        StringBuilder index = new StringBuilder();
        files.forEach((name, data) -> index.append(sha256(new String(data, StandardCharsets.UTF_8))).append(' ')
                .append(data.length).append(' ').append(name).append('\n'));
        resources.put("services/" + ServiceLayout.INDEX, index.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(String content) {
        return HexFormat.of().formatHex(EmbeddedJars.sha256().digest(content.getBytes(StandardCharsets.UTF_8)));
    }
}
