package dev.gyre.serving;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gyre.serving.*}.
 *
 * @param aliasRefresh how often alias-following deployments ask the registry where their alias points
 * @param maxInstances the most instances one predict request may carry
 */
@ConfigurationProperties("gyre.serving")
public record ServingProperties(@DefaultValue("5s") Duration aliasRefresh,
                                @DefaultValue("10000") int maxInstances,
                                @DefaultValue Log log) {

    /** Prediction logging to monitoring-service. */
    public record Log(@DefaultValue("100000") int queueCapacity,
                      @DefaultValue("500") int batchSize,
                      @DefaultValue("1s") Duration flushInterval,
                      @DefaultValue("500ms") Duration initialBackoff,
                      @DefaultValue("30s") Duration maxBackoff,
                      @DefaultValue("20") int maxAttempts,
                      @DefaultValue("10s") Duration shutdownTimeout) {
    }
}
