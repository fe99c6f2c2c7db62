package dev.gyre.registry.model;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import dev.gyre.core.bundle.BundleLimits;

/**
 * {@code gyre.registry.bundle.*}: how far an uploaded bundle may inflate before it is refused (413) unread.
 *
 * @param maxUncompressedSize all entries together, inflated
 * @param maxCompressionRatio one entry's inflated size over its compressed size, for entries above {@code ratioFloor}
 */
@ConfigurationProperties("gyre.registry.bundle")
record BundleProperties(@DefaultValue("128MB") DataSize maxUncompressedSize,
                               @DefaultValue("200") double maxCompressionRatio,
                               @DefaultValue("1MB") DataSize ratioFloor) {

    BundleLimits limits() {
        return new BundleLimits(maxUncompressedSize.toBytes(), maxCompressionRatio, ratioFloor.toBytes());
    }
}
