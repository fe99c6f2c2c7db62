package dev.gyre.training.catalog;

import dev.gyre.core.ml.AlgorithmCatalog;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gyre.training.xgboost-threads}: the threads one XGBoost training uses. Few by default, since the
 * service may train {@code gyre.training.workers} jobs at once on a small machine.
 */
@ConfigurationProperties("gyre.training")
record CatalogProperties(@DefaultValue("" + AlgorithmCatalog.DEFAULT_XGBOOST_THREADS) int xgboostThreads) {
    CatalogProperties {
        if (xgboostThreads < 1) {
            throw new IllegalArgumentException("gyre.training.xgboost-threads must be at least 1, got " + xgboostThreads);
        }
    }
}
