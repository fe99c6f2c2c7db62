package dev.gyre.data.version;

import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

import dev.gyre.test.StubServer;
import dev.gyre.test.StubServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

import static dev.gyre.test.Datasets.penguinsCsv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The fetcher with the shipped defaults (nothing allowed beyond public addresses) against a real stub on
 * 127.0.0.1: every spelling of this machine is refused before a connection is made, 127.0.0.1 itself included.
 */
class UrlFetcherTests {
    private StubServer source;

    @BeforeEach
    void startSource() {
        source = new StubServer().on("/penguins.csv", request -> Reply.bytes(200, "text/csv", penguinsCsv()));
    }

    @AfterEach
    void stopSource() {
        source.close();
    }

    private static IngestProperties properties(List<String> allowedHosts) {
        return new IngestProperties(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(2),
                DataSize.ofMegabytes(1), DataSize.ofMegabytes(1), 5, allowedHosts, List.of());
    }

    private static ErrorResponseException failure(UrlFetcher fetcher, String url) {
        ErrorResponseException e = catchThrowableOfType(ErrorResponseException.class,
                () -> fetcher.fetch(UrlFetcher.parse(url), new java.io.ByteArrayOutputStream()));
        assertThat(e).as(url).isNotNull();
        assertThat(e.getBody().getProperties()).as(url).containsEntry("field", "source.url");
        return e;
    }

    private static String code(ErrorResponseException e) {
        return String.valueOf(e.getBody().getProperties().get("code"));
    }

    static List<String> spellingsOfThisMachine(int port) {
        String p = ":" + port;
        return List.of("http://127.0.0.1" + p + "/penguins.csv", "HTTP://127.0.0.1" + p + "/penguins.csv",
                "hTtP://127.0.0.1" + p + "/penguins.csv", "http://localhost" + p + "/penguins.csv",
                "http://LOCALHOST" + p + "/penguins.csv", "http://[::1]" + p + "/penguins.csv",
                "http://[0:0:0:0:0:0:0:1]" + p + "/penguins.csv", "http://0.0.0.0" + p + "/penguins.csv",
                "http://[::]" + p + "/penguins.csv", "http://[::ffff:127.0.0.1]" + p + "/penguins.csv",
                "http://[::ffff:7f00:1]" + p + "/penguins.csv", "http://[::127.0.0.1]" + p + "/penguins.csv",
                "http://127.1" + p + "/penguins.csv", "http://2130706433" + p + "/penguins.csv",
                "http://0x7f.1" + p + "/penguins.csv", "http://017700000001" + p + "/penguins.csv",
                "http://0177.0.0.1" + p + "/penguins.csv", "http://0x7f000001" + p + "/penguins.csv",
                "http://127.0.0.1." + p + "/penguins.csv", "http://127.0.1.1" + p + "/penguins.csv",
                "http://user:pass@127.0.0.1" + p + "/penguins.csv", "http://@127.0.0.1" + p + "/penguins.csv",
                " http://127.0.0.1" + p + "/penguins.csv", "http://127.0.0.1" + p + "/penguins.csv ",
                "http://127.0.0.1" + p + "/penguins.csv\n", "gopher://127.0.0.1" + p + "/penguins.csv");
    }

    @Test
    void withTheDefaultsEverySpellingOfThisMachineIsRefusedBeforeAnyConnection() {
        try (UrlFetcher fetcher = new UrlFetcher(properties(List.of()))) {
            for (String url : spellingsOfThisMachine(port())) {
                ErrorResponseException e = failure(fetcher, url);
                assertThat(e.getStatusCode().value()).as(url).isEqualTo(400);
                assertThat(code(e)).as(url).isIn("invalid-url", "url-not-allowed");
            }
        }
        assertThat(source.requests()).isEmpty();
    }

    @Test
    void anAllowedHostIsFetchedWithTheSchemeInAnyCaseButOnlyAsWritten() {
        try (UrlFetcher fetcher = new UrlFetcher(properties(List.of("127.0.0.1")))) {
            assertThat(fetched(fetcher, "HTTP://127.0.0.1:" + port() + "/penguins.csv"))
                    .isEqualTo(penguinsCsv());
            assertThat(source.requests()).hasSize(1);
            for (String url : spellingsOfThisMachine(port())) {
                if (url.matches("(?i)http://127\\.0\\.0\\.1:\\d+/penguins\\.csv")) {
                    continue; // the allowed host itself
                }
                assertThat(failure(fetcher, url).getStatusCode().value()).as(url).isEqualTo(400);
            }
        }
        assertThat(source.requests()).hasSize(1);
    }

    @Test
    void anUnresolvableHostIs422NamingTheSource() {
        UrlGuard guard = new UrlGuard(List.of(), List.of(), host -> {
            throw new UnknownHostException(host);
        });
        try (UrlFetcher fetcher = new UrlFetcher(properties(List.of()), guard)) {
            ErrorResponseException e = failure(fetcher, "https://no-such-host.invalid/data.csv");
            assertThat(e.getStatusCode().value()).isEqualTo(422);
            assertThat(code(e)).isEqualTo("url-unreachable");
            assertThat(e.getBody().getDetail()).contains("no-such-host.invalid");
        }
    }

    @Test
    void aSlowDnsAnswerCountsAgainstTheDeadline() {
        UrlGuard guard = new UrlGuard(List.of(), List.of(), host -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new UnknownHostException(host);
        });
        try (UrlFetcher fetcher = new UrlFetcher(properties(List.of()), guard)) {
            long started = System.nanoTime();
            ErrorResponseException e = failure(fetcher, "https://slow-dns.invalid/data.csv");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
            assertThat(e.getStatusCode().value()).isEqualTo(422);
            assertThat(code(e)).isEqualTo("source-timeout");
        }
    }

    private int port() {
        return Integer.parseInt(source.url().substring(source.url().lastIndexOf(':') + 1));
    }

    private static byte[] fetched(UrlFetcher fetcher, String url) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        fetcher.fetch(UrlFetcher.parse(url), out);
        return out.toByteArray();
    }
}
