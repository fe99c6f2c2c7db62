package dev.gyre.training.catalog;

import dev.gyre.core.ml.AlgorithmCatalog;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one algorithm catalog of the service (immutable, thread-safe). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogProperties.class)
class CatalogConfiguration {

    @Bean
    AlgorithmCatalog algorithmCatalog(CatalogProperties properties) {
        return new AlgorithmCatalog(properties.xgboostThreads());
    }
}
