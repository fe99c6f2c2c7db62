package dev.gyre.boot.columnar;

import java.nio.file.Path;

import dev.gyre.core.columnar.ColumnarEngine;
import dev.gyre.core.columnar.Curator;
import dev.gyre.core.columnar.VersionReader;
import dev.gyre.core.columnar.VersionWriter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;

/**
 * The embedded columnar engine (DuckDB), opened once per service, with the writer and reader of dataset versions;
 * for services that set {@code gyre.columnar.enabled=true}.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "gyre.columnar.enabled", havingValue = "true")
@EnableConfigurationProperties(ColumnarProperties.class)
public class ColumnarAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ColumnarEngine columnarEngine(ColumnarProperties properties, Environment environment) {
        Path temp = properties.tempDirectory() != null ? properties.tempDirectory()
                : Path.of(System.getProperty("java.io.tmpdir"), "gyre-columnar",
                environment.getProperty("gyre.service.name", "service") + "-" + ProcessHandle.current().pid());
        int threads = properties.threads() > 0 ? properties.threads() : Runtime.getRuntime().availableProcessors();
        return ColumnarEngine.open(new ColumnarEngine.Settings(properties.memoryLimit(), threads, temp));
    }

    @Bean
    @ConditionalOnMissingBean
    VersionWriter versionWriter(ColumnarEngine engine) {
        return new VersionWriter(engine);
    }

    @Bean
    @ConditionalOnMissingBean
    Curator curator(ColumnarEngine engine) {
        return new Curator(engine);
    }

    @Bean
    @ConditionalOnMissingBean
    VersionReader versionReader(ColumnarEngine engine) {
        return new VersionReader(engine);
    }

    /** For the services that read versions from data-service (at {@code spring.http.serviceclient.data.base-url}). */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("spring.http.serviceclient.data.base-url")
    VersionDownloads versionDownloads(RestClient.Builder rest, Environment environment, ColumnarEngine engine,
                                      VersionReader reader) {
        String baseUrl = environment.getRequiredProperty("spring.http.serviceclient.data.base-url");
        return new VersionDownloads(rest.clone().baseUrl(baseUrl).build(), engine, reader);
    }
}
