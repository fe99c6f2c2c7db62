package dev.gyre.data.version;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of ingest from a URL ({@code gyre.data.ingest.*}).
 *
 * @param connectTimeout  how long to wait for a connection
 * @param readTimeout     longest wait for the next bytes of an answer
 * @param totalTimeout    how long the whole download may take, redirects included; a slower one is abandoned
 * @param maxSize         largest file fetched from a URL, counted while it streams; a larger one is refused with 413
 * @param maxUpload       largest body (CSV or Parquet) accepted by upload, counted while it streams; 413 above
 * @param maxRedirects    redirects followed at most, each checked as the first URL is
 * @param allowedHosts    hosts that may be fetched whatever their addresses, matched as written in the URL
 *                        (e.g. {@code 127.0.0.1}, {@code minio.internal}); empty by default
 * @param allowedNetworks address blocks that may be fetched although not public (e.g. {@code 10.1.0.0/16});
 *                        empty by default
 */
@ConfigurationProperties("gyre.data.ingest")
record IngestProperties(@DefaultValue("5s") Duration connectTimeout,
                        @DefaultValue("30s") Duration readTimeout,
                        @DefaultValue("60s") Duration totalTimeout,
                        @DefaultValue("32MB") DataSize maxSize,
                        @DefaultValue("2GB") DataSize maxUpload,
                        @DefaultValue("5") int maxRedirects,
                        @DefaultValue({}) List<String> allowedHosts,
                        @DefaultValue({}) List<String> allowedNetworks) {
    IngestProperties {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        allowedNetworks = allowedNetworks == null ? List.of() : List.copyOf(allowedNetworks);
    }
}
