package dev.gyre.allinone;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceLayoutTest {

    @TempDir
    Path dir;

    @Test
    void storesSharedLibrariesOnceAndKeepsEachServicesClassPathOrder() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = dir.resolve("out");
        fatJar(in.resolve("a.jar"), "dev.a.App", List.of("spring.jar", "only-a.jar"),
                Map.of("BOOT-INF/lib/spring.jar", "spring", "BOOT-INF/lib/only-a.jar", "a lib",
                        "BOOT-INF/classes/dev/a/App.class", "a code", "BOOT-INF/classes/application.yml", "a: 1"));
        fatJar(in.resolve("b.jar"), "dev.b.App", List.of("tribuo.jar", "spring.jar"),
                Map.of("BOOT-INF/lib/spring.jar", "spring", "BOOT-INF/lib/tribuo.jar", "tribuo",
                        "BOOT-INF/lib/unindexed.jar", "late", "BOOT-INF/classes/dev/b/App.class", "b code"));
        Files.createDirectories(out.resolve("stale"));

        ServiceLayout.build(in, out, List.of("a", "b"));

        try (var jars = Files.list(out.resolve("jars"))) {
            assertThat(jars.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("spring.jar", "only-a.jar", "tribuo.jar", "unindexed.jar");
        }
        assertThat(out.resolve("stale")).doesNotExist();
        Properties a = launch(out, "a");
        assertThat(a.getProperty("main-class")).isEqualTo("dev.a.App");
        assertThat(a.getProperty("class-path")).isEqualTo("a/classes.jar:jars/spring.jar:jars/only-a.jar");
        assertThat(launch(out, "b").getProperty("class-path"))
                .isEqualTo("b/classes.jar:jars/tribuo.jar:jars/spring.jar:jars/unindexed.jar");
        try (JarFile classes = new JarFile(out.resolve("a/classes.jar").toFile())) {
            assertThat(classes.getEntry("dev/a/App.class")).isNotNull();
            assertThat(classes.getEntry("application.yml")).isNotNull();
            assertThat(classes.getEntry("BOOT-INF/lib/spring.jar")).isNull();
            assertThat(classes.getManifest().getMainAttributes().getValue("Implementation-Title")).isEqualTo("dev.a.App");
            assertThat(classes.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS)).isNull();
        }
        List<String> index = Files.readAllLines(out.resolve(ServiceLayout.INDEX));
        assertThat(index).hasSize(6).anyMatch(line -> line.matches("[0-9a-f]{64} 6 jars/spring.jar"))
                .anyMatch(line -> line.endsWith(" a/classes.jar"));
    }

    @Test
    void keepsTwoDifferentLibrariesOfTheSameNameApart() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = dir.resolve("out");
        fatJar(in.resolve("a.jar"), "dev.a.App", List.of("core.jar"), Map.of("BOOT-INF/lib/core.jar", "core one"));
        fatJar(in.resolve("b.jar"), "dev.b.App", List.of("core.jar"), Map.of("BOOT-INF/lib/core.jar", "core two"));

        ServiceLayout.build(in, out, List.of("a", "b"));

        assertThat(launch(out, "a").getProperty("class-path")).isEqualTo("a/classes.jar:jars/core.jar");
        String b = launch(out, "b").getProperty("class-path");
        assertThat(b).matches("b/classes.jar:jars/core-[0-9a-f]{12}\\.jar");
        assertThat(Files.readString(out.resolve(b.split(":")[1]))).isEqualTo("core two");
    }

    @Test
    void refusesAJarWithoutStartClass() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        fatJar(in.resolve("a.jar"), null, List.of(), Map.of());

        assertThatThrownBy(() -> ServiceLayout.build(in, dir.resolve("out"), List.of("a")))
                .hasMessageContaining("no Start-Class");
    }

    private static Properties launch(Path out, String service) throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(out.resolve(service + ".launch"))) {
            properties.load(reader);
        }
        return properties;
    }

    private static void fatJar(Path jar, String startClass, List<String> classPathIdx, Map<String, String> entries)
            throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.springframework.boot.loader.launch.JarLauncher");
        if (startClass != null) {
            manifest.getMainAttributes().putValue("Start-Class", startClass);
            manifest.getMainAttributes().putValue("Implementation-Title", startClass);
        }
        Map<String, String> all = new LinkedHashMap<>(entries);
        StringBuilder idx = new StringBuilder();
        classPathIdx.forEach(name -> idx.append("- \"BOOT-INF/lib/").append(name).append("\"\n"));
        all.put("BOOT-INF/classpath.idx", idx.toString());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Map.Entry<String, String> entry : all.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }
}
