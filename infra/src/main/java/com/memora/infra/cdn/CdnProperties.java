package com.memora.infra.cdn;

import com.memora.projection.export.cdn.RetrySchedule;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How the service talks to the CDN (issue 5). What the product's administrators choose — the store, the bucket,
 * the keys, the CDN base URL, the Cloudflare zone, the link lifetime — is in the CDN settings (decisions O8); these
 * properties are the deployment's technical knobs.
 *
 * @param cacheControl            {@code Cache-Control} of uploaded objects and of the local origin's answers
 * @param uploadConcurrency       files of one publication level uploaded at once
 * @param failuresBeforeUnhealthy consecutive failed uploads or probes that make the CDN unhealthy (O4)
 * @param settingsCacheTtl        how long a node reuses the settings it read for signing URLs (a build signs
 *                                thousands); uploads, deletions and probes read them afresh every call
 * @param parityListLimit         how many paths each list of a parity report names at most
 * @param retry                   the retry schedule of transient publication failures (O2)
 * @param purge                   the Cloudflare cache purge (O6)
 */
@ConfigurationProperties("memora.cdn")
public record CdnProperties(String cacheControl,
                            Integer uploadConcurrency,
                            Integer failuresBeforeUnhealthy,
                            Duration settingsCacheTtl,
                            Integer parityListLimit,
                            Retry retry,
                            Purge purge) {

    public CdnProperties {
        cacheControl = cacheControl == null || cacheControl.isBlank() ? "public, max-age=300" : cacheControl;
        uploadConcurrency = uploadConcurrency == null ? 8 : uploadConcurrency;
        failuresBeforeUnhealthy = failuresBeforeUnhealthy == null ? 3 : failuresBeforeUnhealthy;
        settingsCacheTtl = settingsCacheTtl == null ? Duration.ofMillis(500) : settingsCacheTtl;
        parityListLimit = parityListLimit == null ? 100 : parityListLimit;
        retry = retry == null ? new Retry(null) : retry;
        purge = purge == null ? new Purge(null, null, null, null, null, null) : purge;
        if (uploadConcurrency < 1) {
            throw new IllegalArgumentException("memora.cdn.upload-concurrency must be at least 1");
        }
    }

    /** @param delays waits before retry 1, 2, … ; dead letter after the last (default 30s,1m,2m,5m,15m,15m,15m) */
    public record Retry(List<Duration> delays) {

        public Retry {
            delays = delays == null || delays.isEmpty() ? RetrySchedule.DEFAULT_DELAYS : List.copyOf(delays);
        }
    }

    /**
     * @param apiBaseUrl         Cloudflare's API ({@code https://api.cloudflare.com/client/v4}); tests point it at a
     *                           local stub
     * @param maxUrlsPerRequest  URLs per purge request (O6: 30)
     * @param requestsPerPeriod  purge requests allowed per {@code period}
     * @param period             the rate limiter's refresh period
     * @param maxWait            how long a purge waits for the rate limiter before reporting the rest as not sent
     * @param timeout            connect and response timeout of one purge request
     */
    public record Purge(URI apiBaseUrl, Integer maxUrlsPerRequest, Integer requestsPerPeriod, Duration period,
                        Duration maxWait, Duration timeout) {

        public Purge {
            apiBaseUrl = apiBaseUrl == null ? URI.create("https://api.cloudflare.com/client/v4") : apiBaseUrl;
            maxUrlsPerRequest = maxUrlsPerRequest == null ? 30 : maxUrlsPerRequest;
            // Cloudflare's API allows 1,200 requests per 5 minutes per user (4/s) for every call of that user
            // together; 3 per second leaves a quarter of it to the dashboard and other tools. See
            // CloudflarePurgeClient for the sources.
            requestsPerPeriod = requestsPerPeriod == null ? 3 : requestsPerPeriod;
            period = period == null ? Duration.ofSeconds(1) : period;
            maxWait = maxWait == null ? Duration.ofSeconds(30) : maxWait;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
            if (maxUrlsPerRequest < 1 || requestsPerPeriod < 1) {
                throw new IllegalArgumentException("memora.cdn.purge limits must be at least 1");
            }
        }
    }
}
