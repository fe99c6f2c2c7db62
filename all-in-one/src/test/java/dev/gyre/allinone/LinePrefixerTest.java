package dev.gyre.allinone;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinePrefixerTest {

    private final LinePrefixer prefixer = new LinePrefixer(List.of("gateway", "monitoring-service", "gyre"));

    @Test
    void padsEveryPrefixToTheLongestName() {
        assertThat(prefixer.prefix("monitoring-service")).isEqualTo("[monitoring-service] ");
        assertThat(prefixer.prefix("gateway")).isEqualTo("[gateway]            ");
        assertThat(prefixer.prefix("gateway")).hasSameSizeAs(prefixer.prefix("monitoring-service"));
    }

    @Test
    void prefixesEachLineOfAChildsOutputIncludingTheLastUnterminatedOne() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        String output = "Started in 9.1 s\r\n\nStopping \u2013 bye";

        prefixer.pump("gateway", new ByteArrayInputStream(output.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(sink, true, StandardCharsets.UTF_8));

        assertThat(sink.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "[gateway]            Started in 9.1 s",
                "[gateway]            ",
                "[gateway]            Stopping \u2013 bye");
    }
}
