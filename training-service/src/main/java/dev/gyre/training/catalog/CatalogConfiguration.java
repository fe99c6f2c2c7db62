package dev.gyre.training.catalog;

import dev.gyre.core.ml.AlgorithmCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one algorithm catalog of the service (immutable, thread-safe). */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    AlgorithmCatalog algorithmCatalog() {
        return new AlgorithmCatalog();
    }
}
