package dev.gyre.data.version;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of ingest from a URL ({@code gyre.data.ingest.*}).
 *
 * @param connectTimeout how long to wait for the connection
 * @param readTimeout    how long the whole response may take
 * @param maxSize        largest file accepted; a larger one is refused with 413
 */
@ConfigurationProperties("gyre.data.ingest")
record IngestProperties(@DefaultValue("5s") Duration connectTimeout,
                        @DefaultValue("120s") Duration readTimeout,
                        @DefaultValue("512MB") DataSize maxSize) {
}
