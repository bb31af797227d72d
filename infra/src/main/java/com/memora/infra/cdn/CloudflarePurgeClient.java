package com.memora.infra.cdn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.memora.projection.export.cdn.PurgeReport;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * Cloudflare's "purge cached content by URL" call (domain §9.3, decisions O6):
 * {@code POST {api}/zones/{zone}/purge_cache} with {@code {"files": [full URLs]}} and a bearer token, at most
 * {@code maxUrlsPerRequest} URLs per request (30).
 * <p>
 * Rate limits, as Cloudflare publishes them: every API call of a user counts against 1,200 requests per five
 * minutes (https://developers.cloudflare.com/fundamentals/api/reference/limits/ — exceeding it blocks all calls for
 * five minutes with HTTP 429); purge by URL is limited per account to 800 URLs per second on Free and 1,500 on
 * Pro/Business, as a token bucket (https://developers.cloudflare.com/cache/how-to/purge-cache/). At 30 URLs per
 * request the first limit binds (4 requests/s ≈ 120 URLs/s), so a Resilience4j {@link RateLimiter} paces the
 * requests (default 3 per second: 900 per five minutes, leaving room for the dashboard and other tools). A 429
 * stops the purge; the rest is reported as not sent.
 * <p>
 * Never throws: every failure (refused token, 4xx/5xx, {@code "success": false}, network, rate limit) is logged and
 * reported with the URLs it concerns.
 */
public final class CloudflarePurgeClient {

    private static final Logger log = LoggerFactory.getLogger(CloudflarePurgeClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI apiBase;
    private final int maxUrlsPerRequest;
    private final RateLimiter limiter;
    private final Duration timeout;
    private final HttpClient http;

    public CloudflarePurgeClient(URI apiBase, int maxUrlsPerRequest, RateLimiter limiter, Duration timeout) {
        this.apiBase = apiBase;
        this.maxUrlsPerRequest = maxUrlsPerRequest;
        this.limiter = limiter;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The limiter for {@code requestsPerPeriod} requests per {@code period}, waiting at most {@code maxWait}. */
    public static RateLimiter rateLimiter(int requestsPerPeriod, Duration period, Duration maxWait) {
        return RateLimiter.of("cloudflare-purge", RateLimiterConfig.custom()
                                                                    .limitForPeriod(requestsPerPeriod)
                                                                    .limitRefreshPeriod(period)
                                                                    .timeoutDuration(maxWait)
                                                                    .build());
    }

    public PurgeReport purge(String zoneId, String apiToken, List<String> urls) {
        List<String> purged = new ArrayList<>();
        List<PurgeReport.Failure> failures = new ArrayList<>();
        int requests = 0;
        List<List<String>> batches = batches(urls);
        for (int index = 0; index < batches.size(); index++) {
            List<String> batch = batches.get(index);
            if (!limiter.acquirePermission()) {
                notSent(failures, batches, index, "not sent: the purge rate limit ("
                        + limiter.getRateLimiterConfig().getLimitForPeriod() + " requests per "
                        + limiter.getRateLimiterConfig().getLimitRefreshPeriod() + ") left no room in time");
                break;
            }
            requests++;
            Outcome outcome = send(zoneId, apiToken, batch);
            if (outcome.ok()) {
                purged.addAll(batch);
                continue;
            }
            failures.add(new PurgeReport.Failure(batch, outcome.reason()));
            if (outcome.stop()) {
                notSent(failures, batches, index + 1, "not sent after the previous request failed: "
                                                      + outcome.reason());
                break;
            }
        }
        PurgeReport report = new PurgeReport(purged, failures, requests, null);
        if (!report.complete()) {
            log.warn("Cache purge incomplete: {} of {} URLs purged; {}", purged.size(), urls.size(),
                     failures.get(0).reason());
        }
        return report;
    }

    private List<List<String>> batches(List<String> urls) {
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < urls.size(); from += maxUrlsPerRequest) {
            batches.add(List.copyOf(urls.subList(from, Math.min(urls.size(), from + maxUrlsPerRequest))));
        }
        return batches;
    }

    private static void notSent(List<PurgeReport.Failure> failures, List<List<String>> batches, int from,
                                String reason) {
        List<String> rest = batches.subList(from, batches.size()).stream().flatMap(List::stream).toList();
        if (!rest.isEmpty()) {
            failures.add(new PurgeReport.Failure(rest, reason));
        }
    }

    /** @param stop the next request would fail the same way (bad token, rate limited, unreachable) */
    private record Outcome(boolean ok, String reason, boolean stop) {
    }

    private Outcome send(String zoneId, String apiToken, List<String> batch) {
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint(zoneId))
                                             .timeout(timeout)
                                             .header("Authorization", "Bearer " + apiToken)
                                             .header("Content-Type", "application/json")
                                             .POST(HttpRequest.BodyPublishers.ofString(
                                                     JSON.writeValueAsString(Map.of("files", batch))))
                                             .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return outcome(response);
        } catch (IOException e) {
            return new Outcome(false, "Cloudflare could not be reached (" + e.getClass().getSimpleName()
                                      + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, "interrupted", true);
        }
    }

    private URI endpoint(String zoneId) {
        String base = apiBase.toString().replaceAll("/+$", "");
        return URI.create(base + "/zones/" + URLEncoder.encode(zoneId, StandardCharsets.UTF_8) + "/purge_cache");
    }

    private static Outcome outcome(HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        boolean success = body != null && body.path("success").asBoolean(false);
        if (status / 100 == 2 && success) {
            return new Outcome(true, null, false);
        }
        String errors = body == null ? "" : StreamSupport.stream(body.path("errors").spliterator(), false)
                .map(error -> error.path("code").asText() + " " + error.path("message").asText())
                .reduce((a, b) -> a + "; " + b).map(text -> ": " + text).orElse("");
        if (status == 429) {
            String retryAfter = response.headers().firstValue("Retry-After").map(s -> ", retry after " + s + " s")
                                        .orElse("");
            return new Outcome(false, "Cloudflare rate limit reached (429" + retryAfter + ")" + errors, true);
        }
        if (status == 401 || status == 403) {
            return new Outcome(false, "Cloudflare refused the API token (" + status + ")" + errors, true);
        }
        if (status / 100 == 2) {
            return new Outcome(false, "Cloudflare did not accept the purge (success: false)" + errors, false);
        }
        return new Outcome(false, "Cloudflare answered " + status + errors, false);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
