package dev.gyre.data.version;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLException;

import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Downloads a CSV file from a caller's URL. Every hop (the URL and each redirect, followed here and at most
 * {@code max-redirects} times) passes {@link UrlGuard} first, and the connection goes to exactly the addresses the
 * guard checked. Bytes are counted while they stream, and the whole download, DNS included, has one deadline. The caller's URL
 * is bad input, so every failure is a 4xx problem naming {@code source.url}: 502/503 stay for Gyre's own peers.
 */
@Component
class UrlFetcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(UrlFetcher.class);
    private static final String FIELD = "source.url";
    private static final HttpStatusCode UNPROCESSABLE = HttpStatus.UNPROCESSABLE_CONTENT;

    private final IngestProperties properties;
    private final UrlGuard guard;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            daemon("url-ingest-deadline"));
    // The system resolver cannot be interrupted: lookups run here, so a slow one costs the caller no more than
    // the deadline, and a flood of slow ones queues on four threads instead of growing without bound.
    private final ExecutorService lookups = Executors.newFixedThreadPool(4, daemon("url-ingest-dns"));

    @Autowired
    UrlFetcher(IngestProperties properties) {
        this(properties, new UrlGuard(properties.allowedHosts(), properties.allowedNetworks(),
                InetAddress::getAllByName));
    }

    UrlFetcher(IngestProperties properties, UrlGuard guard) {
        this.properties = properties;
        this.guard = guard;
    }

    /** Checks the syntax of a caller's URL (see {@link UrlGuard#parse}); a 400 problem naming source.url. */
    static URI parse(String url) {
        try {
            return UrlGuard.parse(url);
        } catch (UrlGuard.Refused e) {
            throw refused(e, url, 0);
        }
    }

    /** Downloads {@code first} (following checked redirects) into {@code out}, which it does not close. */
    void fetch(URI first, OutputStream out) {
        long deadline = System.nanoTime() + properties.totalTimeout().toNanos();
        PinnedDns dns = new PinnedDns();
        try (CloseableHttpClient client = client(dns)) {
            URI uri = first;
            for (int redirects = 0; ; redirects++) {
                dns.pin(check(uri, deadline, redirects));
                Hop hop = get(client, uri, deadline, out);
                if (hop.location() == null) {
                    return;
                }
                if (redirects == properties.maxRedirects()) {
                    throw Problems.of(ProblemCode.TOO_MANY_REDIRECTS, "GET " + first + " redirected more than "
                            + properties.maxRedirects() + " times (gyre.data.ingest.max-redirects)",
                            Map.of("field", FIELD));
                }
                uri = next(uri, hop.location(), redirects + 1);
            }
        } catch (IOException e) { // closing the client
            throw new UncheckedIOException(e);
        }
    }

    private UrlGuard.Target check(URI uri, long deadline, int redirects) {
        Future<UrlGuard.Target> lookup = lookups.submit(() -> guard.check(uri));
        try {
            return lookup.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw timeout(uri);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UrlGuard.Refused refused) {
                throw refused(refused, uri.toString(), redirects);
            }
            throw new IllegalStateException("checking " + uri + " failed", e.getCause());
        } catch (InterruptedException e) {
            lookup.cancel(true);
            Thread.currentThread().interrupt();
            throw Problems.of(ProblemCode.INTERRUPTED, "The download of " + uri + " was interrupted");
        }
    }

    /** The Location of a redirect, or null when a 2xx answer's body was written. */
    private record Hop(String location) {
    }

    private Hop get(CloseableHttpClient client, URI uri, long deadline, OutputStream out) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw timeout(uri);
        }
        HttpGet get = new HttpGet(uri);
        get.setHeader("Accept", "text/csv, text/plain;q=0.9, */*;q=0.5");
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> timer = deadlines.schedule(() -> {
            expired.set(true);
            get.cancel(); // closes the connection: a blocked connect, header read or body read ends at once
        }, remaining, TimeUnit.NANOSECONDS);
        ClassicHttpResponse response = null;
        boolean complete = false;
        try {
            response = client.executeOpen(null, get, null);
            int status = response.getCode();
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                Header location = response.getFirstHeader("Location");
                if (location == null || location.getValue().isEmpty()) {
                    throw Problems.of(ProblemCode.SOURCE_FAILED, "GET " + uri + " answered HTTP " + status
                            + " without a Location", Map.of("field", FIELD, "upstreamStatus", status));
                }
                return new Hop(location.getValue());
            }
            if (status / 100 != 2) {
                throw Problems.of(ProblemCode.SOURCE_FAILED, "GET " + uri + " answered HTTP " + status,
                        Map.of("field", FIELD, "upstreamStatus", status));
            }
            read(response.getEntity(), uri, deadline, out);
            complete = true;
            return new Hop(null);
        } catch (IOException e) {
            if (expired.get()) {
                throw timeout(uri);
            }
            throw failure(uri, e);
        } finally {
            timer.cancel(false);
            if (!complete) {
                get.cancel(); // else closing the response would read an unfinished body to its end
            }
            closeQuietly(response);
        }
    }

    private void read(HttpEntity entity, URI uri, long deadline, OutputStream out) throws IOException {
        if (entity == null) {
            return;
        }
        long max = properties.maxSize().toBytes();
        long declared = entity.getContentLength();
        if (declared > max) {
            throw tooLarge(uri, max);
        }
        InputStream in = entity.getContent(); // closed with the response, after the connection is let go
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > max) {
                throw tooLarge(uri, max);
            }
            out.write(buffer, 0, n);
            if (System.nanoTime() - deadline > 0) {
                throw timeout(uri);
            }
        }
    }

    private URI next(URI from, String location, int redirect) {
        URI to;
        try {
            to = from.resolve(new URI(location));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw Problems.of(ProblemCode.SOURCE_FAILED, "GET " + from + " redirected to an invalid URL",
                    Map.of("field", FIELD, "redirects", redirect));
        }
        try {
            return UrlGuard.parse(to.toString());
        } catch (UrlGuard.Refused e) {
            throw refused(e, to.toString(), redirect);
        }
    }

    private static ErrorResponseException refused(UrlGuard.Refused e, String url, int redirects) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("field", FIELD);
        String detail = e.getMessage();
        if (redirects > 0) {
            properties.put("redirects", redirects);
            detail = "redirect " + redirects + " to " + url + ": " + detail.replace("source.url", "the URL");
        }
        return switch (e.kind()) {
            case INVALID -> redirects == 0 ? Problems.of(ProblemCode.INVALID_URL, detail, properties)
                    : Problems.of(ProblemCode.SOURCE_FAILED, detail, properties);
            case NOT_ALLOWED -> {
                log.warn("Refused URL ingest: {}", detail);
                yield Problems.of(ProblemCode.URL_NOT_ALLOWED, detail, properties);
            }
            case UNRESOLVABLE -> Problems.of(ProblemCode.URL_UNREACHABLE, detail, properties);
        };
    }

    private ErrorResponseException timeout(URI uri) {
        return Problems.of(ProblemCode.SOURCE_TIMEOUT, "GET " + uri + " did not finish within "
                        + properties.totalTimeout().toMillis() / 1000.0 + " s (gyre.data.ingest.total-timeout)",
                Map.of("field", FIELD, "timeoutSeconds", properties.totalTimeout().toMillis() / 1000.0));
    }

    private static ErrorResponseException tooLarge(URI uri, long max) {
        return Problems.of(ProblemCode.SOURCE_TOO_LARGE, "GET " + uri + " returned more than "
                + max + " bytes (gyre.data.ingest.max-size)", Map.of("field", FIELD, "maxBytes", max));
    }

    private ErrorResponseException failure(URI uri, IOException e) {
        if (e instanceof SocketTimeoutException && !(e instanceof ConnectTimeoutException)) {
            return Problems.of(ProblemCode.SOURCE_TIMEOUT, "GET " + uri + " sent nothing for "
                            + properties.readTimeout().toMillis() / 1000.0 + " s (gyre.data.ingest.read-timeout)",
                    Map.of("field", FIELD, "timeoutSeconds", properties.readTimeout().toMillis() / 1000.0));
        }
        String what;
        ProblemCode code = ProblemCode.URL_UNREACHABLE;
        if (e instanceof ConnectTimeoutException) {
            what = "did not accept a connection within " + properties.connectTimeout().toMillis() / 1000.0 + " s";
        } else if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            what = "refused the connection";
        } else if (e instanceof UnknownHostException) {
            what = "could not be resolved";
        } else if (e instanceof SSLException) {
            what = "failed the TLS handshake (" + e.getMessage() + ")";
        } else if (e instanceof ClientProtocolException || e instanceof MessageConstraintException
                || e instanceof MalformedChunkCodingException || e instanceof NoHttpResponseException) {
            code = ProblemCode.SOURCE_FAILED;
            what = "did not answer with valid HTTP (" + e.getMessage() + ")";
        } else {
            what = "failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
        }
        return Problems.of(code, "GET " + uri + " " + what, Map.of("field", FIELD));
    }

    private CloseableHttpClient client(PinnedDns dns) {
        ConnectionConfig connection = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                .setSocketTimeout(Timeout.of(properties.readTimeout()))
                .build();
        // bounded header lines and count: a source cannot fill the heap before the body is even reached
        Http1Config http1 = Http1Config.custom().setMaxLineLength(8192).setMaxHeaderCount(100).build();
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(dns)
                .setDefaultConnectionConfig(connection)
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder().http1Config(http1).build())
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false)
                        .setResponseTimeout(Timeout.of(properties.readTimeout())).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableContentCompression() // count and store the bytes as sent, no decompression bomb
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("gyre-data-service")
                .build();
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        if (response != null) {
            try {
                response.close();
            } catch (IOException | RuntimeException e) {
                log.debug("closing an abandoned download", e);
            }
        }
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        lookups.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Answers only for hosts the guard checked, with the addresses it checked: never a second lookup. */
    private static final class PinnedDns implements DnsResolver {
        private final Map<String, InetAddress[]> pinned = new ConcurrentHashMap<>();

        void pin(UrlGuard.Target target) {
            pinned.put(target.host(), target.addresses().toArray(InetAddress[]::new));
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] addresses = pinned.get(UrlGuard.normalHost(host));
            if (addresses == null) {
                throw new UnknownHostException(host + " was not checked");
            }
            return addresses.clone();
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }
}
