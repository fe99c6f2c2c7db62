package dev.gyre.data.api;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PreferTests {
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "wait=10                    | 10",
            "respond-async, wait=5      | 5",
            "WAIT = 7                   | 7",
            "wait=\"3\"; x=y              | 3",
            "handling=lenient           | 0",
            "wait=soon                  | 0",
            "wait=-1                    | 0",
            "wait=99999999999           | 0",
            "''                         | 0",
            "null                       | 0"})
    void readsTheWaitPreferenceAndIgnoresWhatItCannotRead(String header, long seconds) {
        assertThat(Prefer.waitOf(header)).isEqualTo(Duration.ofSeconds(seconds));
    }
}
