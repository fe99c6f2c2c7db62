package dev.gyre.allinone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ClassDataArchivesTest {

    @TempDir
    Path dir;

    @Test
    void createsAnArchiveAtACleanStopAndUsesItWhileNothingChanged() throws IOException {
        Path jar = Files.writeString(dir.resolve("a.jar"), "a");
        Path cds = dir.resolve("cds");
        ClassDataArchives first = new ClassDataArchives(cds, true);

        assertThat(first.options("gateway", List.of("-Xmx1g"), List.of(jar)))
                .contains("-XX:ArchiveClassesAtExit=" + cds.resolve("gateway.jsa.part"));
        assertThat(first.creating("gateway")).isTrue();
        Files.writeString(cds.resolve("gateway.jsa.part"), "archive");
        first.stopped("gateway", true);

        assertThat(new ClassDataArchives(cds, true).options("gateway", List.of("-Xmx1g"), List.of(jar)))
                .contains("-XX:SharedArchiveFile=" + cds.resolve("gateway.jsa"));
        assertThat(new ClassDataArchives(cds, false).options("gateway", List.of("-Xmx2g"), List.of(jar)))
                .as("other options: the archive is dropped, and not re-created on a start that extracted jars")
                .isEmpty();
        assertThat(cds.resolve("gateway.jsa")).doesNotExist();
    }

    @Test
    void dropsWhatAnUncleanStopLeft() throws IOException {
        Path jar = Files.writeString(dir.resolve("a.jar"), "a");
        Path cds = dir.resolve("cds");
        ClassDataArchives archives = new ClassDataArchives(cds, true);
        archives.options("gateway", List.of(), List.of(jar));
        Files.writeString(cds.resolve("gateway.jsa.part"), "half");

        archives.stopped("gateway", false);

        assertThat(cds.resolve("gateway.jsa.part")).doesNotExist();
        assertThat(cds.resolve("gateway.jsa")).doesNotExist();
    }

    @Test
    void leavesClassDataSharingAloneWhenTheUserChoosesIt() throws IOException {
        Path jar = Files.writeString(dir.resolve("a.jar"), "a");

        assertThat(new ClassDataArchives(dir.resolve("cds"), true).options("gateway", List.of("-Xshare:off"), List.of(jar)))
                .isEmpty();
    }
}
