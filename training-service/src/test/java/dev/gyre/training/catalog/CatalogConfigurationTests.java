package dev.gyre.training.catalog;

import java.util.Map;

import dev.gyre.core.ml.AlgorithmCatalog;
import dev.gyre.core.ml.Task;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogConfigurationTests {
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(CatalogConfiguration.class);

    @Test
    void givesXGBoostTheConfiguredThreadCount() {
        context.withPropertyValues("gyre.training.xgboost-threads=3").run(started -> {
            AlgorithmCatalog catalog = started.getBean(AlgorithmCatalog.class);
            assertThat(catalog.trainer(Task.CLASSIFICATION, "xgboost", Map.of(), 1).toString()).contains("nthread=3");
            assertThat(catalog.trainer(Task.REGRESSION, "xgboost", Map.of(), 1).toString()).contains("nthread=3");
        });
    }

    @Test
    void givesXGBoostTwoThreadsUnlessConfigured() {
        context.run(started -> assertThat(started.getBean(AlgorithmCatalog.class)
                .trainer(Task.CLASSIFICATION, "xgboost", Map.of(), 1).toString()).contains("nthread=2"));
    }

    @Test
    void refusesToStartWithFewerThanOneThread() {
        context.withPropertyValues("gyre.training.xgboost-threads=0").run(started -> assertThat(started)
                .hasFailed().getFailure().rootCause().hasMessageContaining("gyre.training.xgboost-threads must be at least 1"));
    }
}
