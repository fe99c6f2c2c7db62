package dev.gyre.boot;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.gyre.api.Caller;
import dev.gyre.boot.blob.BlobStoreProperties;
import dev.gyre.boot.blob.BlobStores;
import dev.gyre.boot.caller.CallerArgumentResolver;
import dev.gyre.boot.caller.CallerHeaderArgument;
import dev.gyre.boot.json.StrictJsonModule;
import dev.gyre.boot.problem.ProblemErrorController;
import dev.gyre.boot.problem.ProblemHandler;
import dev.gyre.boot.problem.ProblemReportValves;
import dev.gyre.boot.requestid.RequestIdFilter;
import dev.gyre.boot.requestid.RequestIdPropagation;
import dev.gyre.core.blob.BlobStore;
import org.flywaydb.core.api.Location;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every Gyre service gets by depending on gyre-boot: problem details (from controllers, from the servlet
 * container's error page and from Tomcat itself), strict JSON binding ({@link StrictJsonModule}), a blob store
 * (PostgreSQL large objects, a directory or S3), the caller ({@code X-Gyre-User}) as an argument of controllers and
 * clients, and request ids ({@code X-Request-Id} in, in the MDC, on the response and on calls to other services).
 */
// Before WebMvc's so that Boot's own ProblemDetailsExceptionHandler backs off for ours, and before ErrorMvc's so
// that its BasicErrorController backs off for ProblemErrorController.
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
        before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
public class GyreAutoConfiguration {

    /** Integers must be integers; numbers finite; strings free of NUL; instants within PostgreSQL's range. */
    @Bean
    JsonMapperBuilderCustomizer gyreStrictJson() {
        return builder -> builder.addModule(new StrictJsonModule())
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController gyreErrorController(JsonMapper json) {
        return new ProblemErrorController(json);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class TomcatProblems {
        @Bean
        ProblemReportValves gyreProblemReportValves() {
            return new ProblemReportValves();
        }
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemHandler gyreProblemHandler() {
        return new ProblemHandler();
    }

    /** Controllers take a {@link Caller} argument, read from {@code X-Gyre-User}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class CallerArguments implements WebMvcConfigurer {
        static {
            // a header, not a query parameter: keep it out of the OpenAPI parameters
            SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
        }

        @Override
        public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
            resolvers.add(new CallerArgumentResolver());
        }
    }

    /** Every {@code @HttpExchange} client sends its {@link Caller} argument as {@code X-Gyre-User}. */
    @Bean
    RestClientHttpServiceGroupConfigurer gyreCallerHeader() {
        return groups -> groups.forEachProxyFactory(
                (group, factory) -> factory.customArgumentResolver(new CallerHeaderArgument()));
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

    /**
     * The blob store, for a service that sets {@code gyre.blob-store.enabled=true}: one {@link BlobStore} of the
     * {@code gyre.blob-store.type} chosen ({@link BlobStoreProperties}), made once the service's own Flyway has
     * migrated ({@link DependsOnDatabaseInitialization}), because readying it needs the service's foreign keys to the
     * former table gone (see {@link BlobStores}).
     * <p>
     * The former bytea table's migration ({@value #BLOB_STORE_MIGRATIONS}) stays version 1 of each service's own
     * history, as it was when each service carried a copy: the script is the same byte for byte (so the same
     * description and checksum), and databases migrated by those copies validate as they are. A service using the
     * blob store therefore starts its own migrations at V2. The large-object tables have a history of their own
     * ({@link dev.gyre.boot.blob.BlobStoreSchema}).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "gyre.blob-store.enabled", havingValue = "true")
    @EnableConfigurationProperties(BlobStoreProperties.class)
    static class BlobStoreConfiguration {
        static final String BLOB_STORE_MIGRATIONS = "classpath:db/migration/blob-store";

        @Bean
        @ConditionalOnMissingBean(BlobStore.class)
        @DependsOnDatabaseInitialization
        BlobStore blobStore(BlobStoreProperties properties, ObjectProvider<DataSource> dataSource) {
            return BlobStores.create(properties, dataSource::getIfAvailable);
        }

        @Bean
        @ConditionalOnClass(name = "org.flywaydb.core.Flyway")
        FlywayConfigurationCustomizer gyreBlobStoreMigrations() {
            return flyway -> {
                List<Location> locations = new ArrayList<>(List.of(flyway.getLocations()));
                locations.add(new Location(BLOB_STORE_MIGRATIONS));
                flyway.locations(locations.toArray(Location[]::new));
            };
        }
    }
}
