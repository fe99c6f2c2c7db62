package dev.gyre.allinone;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ClassDataArchivesTest {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path dir;

    @Test
    void recordsOnARestartAndWritesTheArchiveFromTheRunningJvmNotAtItsExit() throws Exception {
        Path jar = idleJar();
        Path cds = dir.resolve("cds");
        ClassDataArchives first = new ClassDataArchives(cds, true, ClassDataArchives.jcmdOfThisJdk());
        List<String> options = first.options("idle", List.of("-Xmx64m"), List.of(jar));

        assertThat(options).contains("-XX:+RecordDynamicDumpInfo").noneMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit"));
        assertThat(first.pending("idle")).isTrue();
        Process jvm = java(options, jar, 60_000);
        try {
            awaitOutput(jvm);
            Optional<ClassDataArchives.Written> written = first.dump("idle", jvm.pid(), Duration.ofSeconds(60));

            assertThat(written).isPresent();
            assertThat(written.get().archive()).isEqualTo(cds.resolve("idle.jsa"));
            assertThat(written.get().bytes()).isPositive();
            assertThat(jvm.isAlive()).as("the JVM keeps running after it wrote its archive").isTrue();
            assertThat(first.pending("idle")).isFalse();
        } finally {
            jvm.destroyForcibly().waitFor();
        }

        List<String> next = new ClassDataArchives(cds, true, ClassDataArchives.jcmdOfThisJdk())
                .options("idle", List.of("-Xmx64m"), List.of(jar));
        assertThat(next).contains("-XX:SharedArchiveFile=" + cds.resolve("idle.jsa"));
        // -Xshare:on fails the start when the archive cannot be used: this one can
        List<String> strict = new ArrayList<>(next);
        strict.add("-Xshare:on");
        Process user = java(strict, jar, 0);
        assertThat(user.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(user.exitValue()).as(new String(user.getInputStream().readAllBytes())).isZero();

        assertThat(new ClassDataArchives(cds, false, ClassDataArchives.jcmdOfThisJdk())
                .options("idle", List.of("-Xmx2g"), List.of(jar)))
                .as("other options: the archive is dropped, and not recorded on a start that extracted jars")
                .isEmpty();
        assertThat(cds.resolve("idle.jsa")).doesNotExist();
    }

    @Test
    void writesNothingOnceClosedOrForAJvmThatIsGone() throws Exception {
        Path jar = idleJar();
        Path cds = dir.resolve("cds");
        ClassDataArchives archives = new ClassDataArchives(cds, true, ClassDataArchives.jcmdOfThisJdk());
        List<String> options = archives.options("idle", List.of(), List.of(jar));
        Process gone = java(options, jar, 0);
        gone.waitFor(60, TimeUnit.SECONDS);

        assertThat(archives.dump("idle", gone.pid(), Duration.ofSeconds(20))).isEmpty();

        Process jvm = java(options, jar, 60_000);
        try {
            awaitOutput(jvm);
            archives.close();
            assertThat(archives.dump("idle", jvm.pid(), Duration.ofSeconds(20))).isEmpty();
        } finally {
            jvm.destroyForcibly().waitFor();
        }
        assertThat(cds.resolve("idle.jsa")).doesNotExist();
        assertThat(cds.resolve("idle.jsa.part")).doesNotExist();
    }

    @Test
    void leavesClassDataSharingAloneWhenTheUserChoosesIt() throws IOException {
        Path jar = Files.writeString(dir.resolve("a.jar"), "a");
        ClassDataArchives archives = new ClassDataArchives(dir.resolve("cds"), true, ClassDataArchives.jcmdOfThisJdk());

        assertThat(archives.options("gateway", List.of("-Xshare:off"), List.of(jar))).isEmpty();
        assertThat(archives.options("gateway", List.of("-XX:SharedArchiveFile=/x.jsa"), List.of(jar))).isEmpty();
    }

    @Test
    void recordsNothingWithoutJcmd() throws IOException {
        Path jar = Files.writeString(dir.resolve("a.jar"), "a");
        ClassDataArchives archives = new ClassDataArchives(dir.resolve("cds"), true, dir.resolve("no-jcmd"));

        assertThat(archives.options("gateway", List.of(), List.of(jar))).isEmpty();
        assertThat(archives.pending("gateway")).isFalse();
    }

    /** CDS archives only classes from jar files: a jar holding {@link Idle}. */
    private Path idleJar() throws IOException {
        Path jar = dir.resolve("idle.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             InputStream cls = Idle.class.getResourceAsStream("Idle.class")) {
            out.putNextEntry(new JarEntry("dev/gyre/allinone/Idle.class"));
            cls.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    private static Process java(List<String> options, Path jar, long sleepMillis) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(JAVA.toString());
        command.addAll(options);
        command.addAll(List.of("-cp", jar.toString(), Idle.class.getName(), Long.toString(sleepMillis)));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Waits for the first line: the JVM has started and loaded its classes. */
    private static void awaitOutput(Process jvm) throws IOException {
        assertThat(jvm.getInputStream().read()).isNotNegative();
    }
}
