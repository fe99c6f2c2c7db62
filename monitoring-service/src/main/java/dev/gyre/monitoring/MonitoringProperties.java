package dev.gyre.monitoring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code gyre.monitoring}.
 *
 * @param defaultWindowSize    predictions an evaluation looks at when the monitor sets no window size
 * @param referenceCacheSize   parsed reference versions kept in memory
 * @param maxBatchSize         the most records one prediction log batch may carry
 */
@ConfigurationProperties("gyre.monitoring")
public record MonitoringProperties(int defaultWindowSize, int referenceCacheSize, int maxBatchSize) {
    public MonitoringProperties {
        if (defaultWindowSize <= 0) {
            defaultWindowSize = 10_000;
        }
        if (referenceCacheSize <= 0) {
            referenceCacheSize = 8;
        }
        if (maxBatchSize <= 0) {
            maxBatchSize = 10_000;
        }
    }
}
