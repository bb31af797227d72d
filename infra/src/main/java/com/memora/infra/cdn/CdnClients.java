package com.memora.infra.cdn;

import com.memora.infra.s3.S3Properties;
import com.memora.infra.settings.CdnConnectionSettings;
import com.memora.infra.settings.CdnSettingsProvider;
import com.memora.infra.settings.GuardedDns;
import com.memora.kernel.settings.CdnSettings;
import com.memora.kernel.settings.StorageProvider;
import io.minio.Http;
import io.minio.MinioClient;
import jakarta.annotation.PreDestroy;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The minio-java client for the bucket the CDN settings name (decisions O8: the connection comes from the settings;
 * properties only seed them). Every use compares the settings in force with those the client was built for —
 * endpoint, region, bucket, keys — and builds a new client only when they differ, so a settings change takes effect
 * at the next use on every node, and an unchanged setting costs no rebuild.
 * <p>
 * All clients share one HTTP client (one connection pool and dispatcher): name resolution refuses link-local and
 * metadata addresses at every lookup ({@link GuardedDns}), timeouts are short so a CDN outage fails an upload fast,
 * and a 5xx or throttled answer is tried up to 3 times before the failure reaches the publication (domain §9.2).
 */
@Component
public class CdnClients {

    private static final Logger log = LoggerFactory.getLogger(CdnClients.class);

    private final CdnSettingsProvider settings;
    private final S3Properties seed;
    private final long cacheTtlNanos;
    private final OkHttpClient http;
    private final AtomicLong clientsBuilt = new AtomicLong();

    private volatile Built built;
    private volatile Snapshot snapshot;

    private record Connection(String endpoint, String region, String bucket, String accessKey, String secretKey) {
    }

    private record Built(Connection connection, MinioClient client) {
    }

    /** @param readAt {@link System#nanoTime()}: a cache age, not a domain time, so a test's frozen clock cannot pin it */
    private record Snapshot(CdnTarget target, long readAt) {
    }

    CdnClients(CdnSettingsProvider settings, S3Properties seed, CdnProperties properties) {
        this.settings = settings;
        this.seed = seed;
        this.cacheTtlNanos = properties.settingsCacheTtl().toNanos();
        this.http = newHttpClient(properties.uploadConcurrency());
    }

    /** The HTTP client every CDN client of this node shares (public for tools and the upload benchmark). */
    public static OkHttpClient newHttpClient(int uploadConcurrency) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequestsPerHost(Math.max(5, uploadConcurrency * 2));
        return new OkHttpClient.Builder()
                .dns(GuardedDns.INSTANCE)
                .dispatcher(dispatcher)
                .connectTimeout(Duration.ofSeconds(3))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30))
                // Every S3 call we make is idempotent (PUT of the same bytes, DELETE, GET, LIST), so a request that
                // met a pooled connection the store had closed (after an outage, a restart) may go once more on a
                // fresh one; a store that is down still fails at once (connection refused).
                .retryOnConnectionFailure(true)
                .followRedirects(false)
                .addInterceptor(new Http.StatusRetryInterceptor(Http.RETRIABLE_STATUS_CODES, 200, 3))
                .build();
    }

    /** The target for the settings in force now (one database read): for uploads, deletions, listings, probes. */
    public CdnTarget fresh() {
        CdnTarget target = targetFor(settings.current());
        snapshot = new Snapshot(target, System.nanoTime());
        return target;
    }

    /**
     * The target for the settings read at most {@code memora.cdn.settings-cache-ttl} ago (default 0.5 s): for
     * signing the video links of a build, which asks thousands of times. A change is still seen within a second.
     */
    public CdnTarget current() {
        Snapshot last = snapshot;
        if (last != null && System.nanoTime() - last.readAt() <= cacheTtlNanos) {
            return last.target();
        }
        return fresh();
    }

    /** How many clients were built since start: one per distinct connection in force. */
    public long clientsBuilt() {
        return clientsBuilt.get();
    }

    private CdnTarget targetFor(CdnConnectionSettings connection) {
        CdnSettings cdn = connection.settings();
        String region = cdn.storageProvider() == StorageProvider.CLOUDFLARE_R2 ? "auto" : seed.region();
        Connection wanted = new Connection(cdn.endpointUrl(), region, cdn.bucketName(), connection.accessKey(),
                                           connection.secretKey());
        MinioClient client = usable(wanted) ? clientFor(wanted) : null;
        return new CdnTarget(cdn, client, cdn.endpointUrl(), cdn.bucketName(), region, connection.accessKey(),
                             connection.secretKey());
    }

    private static boolean usable(Connection connection) {
        return StringUtils.hasText(connection.endpoint()) && StringUtils.hasText(connection.accessKey())
               && StringUtils.hasText(connection.secretKey());
    }

    private MinioClient clientFor(Connection wanted) {
        Built current = built;
        if (current != null && current.connection().equals(wanted)) {
            return current.client();
        }
        synchronized (this) {
            current = built;
            if (current != null && current.connection().equals(wanted)) {
                return current.client();
            }
            // The shared HTTP client stays open (close=false): uploads still running on the previous client finish.
            MinioClient client = MinioClient.builder()
                                            .endpoint(wanted.endpoint())
                                            .region(wanted.region())
                                            .credentials(wanted.accessKey(), wanted.secretKey())
                                            .httpClient(http, false)
                                            .build();
            built = new Built(wanted, client);
            clientsBuilt.incrementAndGet();
            log.info("CDN client built for {} (bucket {}, region {})", wanted.endpoint(), wanted.bucket(),
                     wanted.region());
            return client;
        }
    }

    @PreDestroy
    void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
