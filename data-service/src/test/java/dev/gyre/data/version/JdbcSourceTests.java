package dev.gyre.data.version;

import java.time.Duration;
import java.util.Map;

import dev.gyre.api.data.IngestSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
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
    void aConnectionCanBeConfiguredFromTheEnvironmentWithTheDefaultsItDoesNotSet() {
        Map<String, Object> env = Map.of("GYRE_DATA_JDBC_CONNECTIONS_WAREHOUSE_URL", "jdbc:postgresql://w/sales",
                "GYRE_DATA_JDBC_CONNECTIONS_WAREHOUSE_PASSWORD", "s3cret",
                "GYRE_DATA_JDBC_CONNECTIONS_WAREHOUSE_MAXROWS", "500");
        Binder binder = new Binder(ConfigurationPropertySources.from(
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env)));

        JdbcProperties.Connection warehouse = binder.bind("gyre.data.jdbc", JdbcProperties.class).get()
                .connections().get("warehouse");

        assertThat(warehouse.url()).isEqualTo("jdbc:postgresql://w/sales");
        assertThat(warehouse.password()).isEqualTo("s3cret");
        assertThat(warehouse.maxRows()).isEqualTo(500);
        assertThat(warehouse.queryTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(warehouse.fetchSize()).isEqualTo(10_000);
    }

    @Test
    void aConnectionPrintsNeitherItsPasswordNorItsUrl() {
        JdbcProperties.Connection c = connection("jdbc:postgresql://h/db?password=inurl", 5);

        assertThat(c.toString()).doesNotContain("s3cret", "inurl").contains("reader");
    }
}
