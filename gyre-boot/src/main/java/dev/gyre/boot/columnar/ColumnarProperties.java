package dev.gyre.boot.columnar;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded columnar engine of a service that sets {@code gyre.columnar.enabled=true}.
 *
 * @param memoryLimit   the engine's memory outside the Java heap ({@code GYRE_COLUMNAR_MEMORYLIMIT}); beyond it the
 *                      engine spills to {@code tempDirectory}
 * @param threads       threads per query; 0 means one per processor
 * @param tempDirectory where the engine spills and where uploads and converted files wait; by default a directory
 *                      of the service under the system's temp directory
 */
@ConfigurationProperties("gyre.columnar")
public record ColumnarProperties(@DefaultValue("1GB") String memoryLimit,
                                 @DefaultValue("0") int threads,
                                 Path tempDirectory) {
}
