package dev.gyre.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one way a Gyre test gets a real PostgreSQL: a Testcontainers container where a Docker engine
 * answers, an embedded PostgreSQL (zonky binaries) where none does. Import it with
 * {@code @Import(PostgresTestConfiguration.class)}; keep test configurations identical so Spring's
 * context cache starts one server per service module, not one per test class.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PostgresTestConfiguration {

    /** Whether Docker answers; asked once per JVM (the answer costs a connection attempt). */
    static final class DockerAvailable implements Condition {
        private static volatile Boolean available;

        static boolean available() {
            if (available == null) {
                boolean answer;
                try {
                    answer = !Boolean.getBoolean("gyre.test.embedded-postgres") && mayHaveDocker()
                            && DockerClientFactory.instance().isDockerAvailable();
                } catch (RuntimeException e) {
                    answer = false;
                }
                available = answer;
            }
            return available;
        }

        /**
         * Testcontainers' own probe tries several strategies and can take 20 s under load; where there is
         * no socket, no DOCKER_HOST and no Testcontainers configuration, the answer is no without asking.
         */
        private static boolean mayHaveDocker() {
            return System.getenv("DOCKER_HOST") != null
                    || Files.exists(Path.of("/var/run/docker.sock"))
                    || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"))
                    || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
        }

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return available();
        }
    }

    static final class DockerAbsent implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !DockerAvailable.available();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(DockerAvailable.class)
    static class ContainerPostgres {
        @Bean
        @ServiceConnection
        PostgreSQLContainer postgresContainer() {
            return new PostgreSQLContainer("postgres:17-alpine");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(DockerAbsent.class)
    static class EmbeddedPostgresServer {
        @Bean(destroyMethod = "close")
        EmbeddedPostgres embeddedPostgres() {
            try {
                return EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
        }

        @Bean
        JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgres postgres) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            return new JdbcConnectionDetails() {
                @Override
                public String getUsername() {
                    return "postgres";
                }

                @Override
                public String getPassword() {
                    return "postgres";
                }

                @Override
                public String getJdbcUrl() {
                    return url;
                }
            };
        }
    }
}
