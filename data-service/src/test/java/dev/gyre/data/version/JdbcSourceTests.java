package dev.gyre.data.version;

import java.time.Duration;
import java.util.Map;

import dev.gyre.api.data.IngestSource;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

/** What JdbcSource and its settings decide before any database is involved. */
class JdbcSourceTests {

    private static JdbcProperties.Connection connection(String url, int maxRows) {
        return new JdbcProperties.Connection(url, "reader", "s3cret", maxRows, Duration.ofSeconds(60), 10_000,
                Duration.ofSeconds(10));
    }

    @Test
    void withNoConnectionConfiguredEveryJdbcSourceIsToldHowToConfigureOne() {
        JdbcSource source = new JdbcSource(new JdbcProperties(null));

        assertThatThrownBy(() -> source.check(IngestSource.jdbc("warehouse", "select 1")))
                .asInstanceOf(type(ErrorResponseException.class))
                .satisfies(e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(400);
                    assertThat(e.getBody().getProperties()).containsEntry("code", "unknown-connection")
                            .containsEntry("field", "source.connection");
                    assertThat(e.getBody().getDetail()).contains("No JDBC connection is configured",
                            "gyre.data.jdbc.connections.<name>.url");
                });
        source.close();
    }

    @Test
    void aCheckedQueryLosesItsTrailingSemicolon() {
        JdbcSource source = new JdbcSource(new JdbcProperties(Map.of("w", connection("jdbc:postgresql://h/db", 5))));

        assertThat(source.check(IngestSource.jdbc("w", " select 1 ;\n")).sql()).isEqualTo("select 1");
        source.close();
    }

    @Test
    void aConnectionWithoutAUrlOrWithImpossibleLimitsStopsTheServiceFromStarting() {
        assertThatThrownBy(() -> new JdbcProperties(Map.of("w", connection(" ", 5))))
                .hasMessageContaining("gyre.data.jdbc.connections.w.url");
        assertThatThrownBy(() -> new JdbcProperties(Map.of("w", connection("jdbc:postgresql://h/db", 0))))
                .hasMessageContaining("gyre.data.jdbc.connections.w.max-rows");
    }

    @Test
    void aConnectionPrintsNeitherItsPasswordNorItsUrl() {
        JdbcProperties.Connection c = connection("jdbc:postgresql://h/db?password=inurl", 5);

        assertThat(c.toString()).doesNotContain("s3cret", "inurl").contains("reader");
    }
}
