package dev.gyre.boot;

import javax.sql.DataSource;

import dev.gyre.boot.blob.JdbcBlobStore;
import dev.gyre.boot.problem.ProblemHandler;
import dev.gyre.boot.requestid.RequestIdFilter;
import dev.gyre.boot.requestid.RequestIdPropagation;
import dev.gyre.core.blob.BlobStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What every Gyre service gets by depending on gyre-boot: problem details, a PostgreSQL blob store, and request
 * ids ({@code X-Request-Id} in, in the MDC, on the response and on calls to other services).
 */
// Before WebMvc's so that Boot's own ProblemDetailsExceptionHandler backs off for ours.
@AutoConfiguration(after = DataSourceAutoConfiguration.class, before = WebMvcAutoConfiguration.class)
public class GyreAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProblemHandler gyreProblemHandler() {
        return new ProblemHandler();
    }

    @Bean
    @ConditionalOnMissingBean
    RequestIdFilter gyreRequestIdFilter() {
        return new RequestIdFilter();
    }

    @Bean
    @ConditionalOnMissingBean
    RequestIdPropagation gyreRequestIdPropagation() {
        return new RequestIdPropagation();
    }

    @Bean
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnMissingBean(BlobStore.class)
    BlobStore blobStore(DataSource dataSource) {
        return new JdbcBlobStore(dataSource);
    }
}
