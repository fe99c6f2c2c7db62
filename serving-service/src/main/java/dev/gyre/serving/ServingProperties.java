package dev.gyre.serving;

import java.time.Duration;

import dev.gyre.core.bundle.BundleLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code gyre.serving.*}.
 *
 * @param aliasRefresh how often alias-following deployments ask the registry where their alias points
 * @param maxInstances the most instances one predict request may carry
 * @param bundle       how far a downloaded bundle may inflate (the same limits as registry-service's)
 */
@ConfigurationProperties("gyre.serving")
public record ServingProperties(@DefaultValue("5s") Duration aliasRefresh,
                                @DefaultValue("10000") int maxInstances,
                                @DefaultValue Log log,
                                @DefaultValue Bundle bundle) {

    /** {@code gyre.serving.bundle.*}: see gyre-core's {@link BundleLimits}. */
    public record Bundle(@DefaultValue("128MB") DataSize maxUncompressedSize,
                         @DefaultValue("200") double maxCompressionRatio,
                         @DefaultValue("1MB") DataSize ratioFloor) {

        public BundleLimits limits() {
            return new BundleLimits(maxUncompressedSize.toBytes(), maxCompressionRatio, ratioFloor.toBytes());
        }
    }

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
