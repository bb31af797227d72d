package com.memora.infra.cdn;

import com.memora.infra.testsupport.CloudflareStub;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.memora.projection.export.cdn.PurgeReport;
import io.github.resilience4j.ratelimiter.RateLimiter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The purge client against a local stub of Cloudflare's API: batching, headers, body, rate limiting, failures. */
class CloudflarePurgeClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ZONE = "023e105f4ecef8ad9ca31a8372d0c353";
    private static final String TOKEN = "cf-token-123";

    private final CloudflareStub stub = new CloudflareStub();

    @AfterEach
    void stop() {
        stub.close();
    }

    private static List<String> urls(int count) {
        return IntStream.range(0, count).mapToObj(i -> "https://cdn.memora.test/plans/P1/lessons/L" + i + ".json")
                        .toList();
    }

    private static RateLimiter generous() {
        return CloudflarePurgeClient.rateLimiter(1000, Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    private CloudflarePurgeClient client(RateLimiter limiter) {
        return new CloudflarePurgeClient(stub.apiBase(), 30, limiter, Duration.ofSeconds(5));
    }

    @Test
    void purgesTheUrlsInRequestsOfAtMostThirtyWithTheBearerTokenAndAFilesBody() throws Exception {
        List<String> urls = urls(75);

        PurgeReport report = client(generous()).purge(ZONE, TOKEN, urls);

        assertThat(report.complete()).isTrue();
        assertThat(report.purgedUrls()).containsExactlyElementsOf(urls);
        assertThat(report.requests()).isEqualTo(3);
        List<CloudflareStub.Recorded> requests = stub.requests();
        assertThat(requests).hasSize(3);
        List<String> sent = new ArrayList<>();
        for (CloudflareStub.Recorded request : requests) {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/client/v4/zones/" + ZONE + "/purge_cache");
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            JsonNode body = JSON.readTree(request.body());
            assertThat(body.fieldNames()).toIterable().containsExactly("files");
            body.get("files").forEach(url -> sent.add(url.asText()));
        }
        assertThat(requests).extracting(r -> JSON.readTree(r.body()).get("files").size()).containsExactly(30, 30, 15);
        assertThat(sent).containsExactlyElementsOf(urls);
    }

    @Test
    void failedRequestsAreReportedWithTheirUrlsAndTheOthersStillGo() {
        stub.answerNext(CloudflareStub.Answer.of(500, "{\"success\":false,\"errors\":[]}"),
                        CloudflareStub.Answer.of(200, "{\"success\":false,\"errors\":[{\"code\":1012,"
                                                      + "\"message\":\"Request must contain files\"}]}"));
        List<String> urls = urls(70);

        PurgeReport report = client(generous()).purge(ZONE, TOKEN, urls);

        assertThat(report.complete()).isFalse();
        assertThat(report.requests()).isEqualTo(3);
        assertThat(report.purgedUrls()).containsExactlyElementsOf(urls.subList(60, 70));
        assertThat(report.failures()).hasSize(2);
        assertThat(report.failures().get(0).urls()).containsExactlyElementsOf(urls.subList(0, 30));
        assertThat(report.failures().get(0).reason()).contains("500");
        assertThat(report.failures().get(1).urls()).containsExactlyElementsOf(urls.subList(30, 60));
        assertThat(report.failures().get(1).reason()).contains("success: false").contains("1012 Request must contain");
    }

    @Test
    void aRefusedTokenStopsThePurgeAndTheRestIsReportedAsNotSent() {
        stub.answerNext(CloudflareStub.Answer.of(403, "{\"success\":false,\"errors\":[{\"code\":10000,"
                                                      + "\"message\":\"Authentication error\"}]}"));
        PurgeReport report = client(generous()).purge(ZONE, "wrong-token", urls(90));

        assertThat(stub.requests()).hasSize(1);
        assertThat(report.purgedUrls()).isEmpty();
        assertThat(report.failedUrls()).containsExactlyElementsOf(urls(90));
        assertThat(report.failures().get(0).reason()).contains("refused the API token").contains("Authentication error");
        assertThat(report.failures().get(1).reason()).startsWith("not sent after the previous request failed");
    }

    @Test
    void cloudflaresOwnRateLimitAnswerStopsThePurgeAndSaysWhenToTryAgain() {
        stub.answerNext(CloudflareStub.Answer.of(200, CloudflareStub.SUCCESS),
                        new CloudflareStub.Answer(429, "{\"success\":false,\"errors\":[{\"code\":971,"
                                                       + "\"message\":\"Please wait and consider throttling\"}]}",
                                                  Map.of("Retry-After", "30")));
        PurgeReport report = client(generous()).purge(ZONE, TOKEN, urls(120));

        assertThat(stub.requests()).hasSize(2);
        assertThat(report.purgedUrls()).hasSize(30);
        assertThat(report.failedUrls()).hasSize(90);
        assertThat(report.failures().get(0).reason()).contains("429").contains("retry after 30 s");
    }

    @Test
    void anUnreachableApiIsReportedNeverThrown() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CloudflarePurgeClient unreachable = new CloudflarePurgeClient(
                URI.create("http://127.0.0.1:" + closedPort + "/client/v4"), 30, generous(), Duration.ofSeconds(2));

        PurgeReport report = unreachable.purge(ZONE, TOKEN, urls(40));

        assertThat(report.purgedUrls()).isEmpty();
        assertThat(report.failedUrls()).hasSize(40);
        assertThat(report.failures().get(0).reason()).startsWith("Cloudflare could not be reached");
    }

    @Test
    void requestsBeyondTheRateLimitAreNotSentWhenNoRoomComesInTime() {
        RateLimiter twoPerMinute = CloudflarePurgeClient.rateLimiter(2, Duration.ofMinutes(1), Duration.ZERO);

        PurgeReport report = client(twoPerMinute).purge(ZONE, TOKEN, urls(150));

        assertThat(stub.requests()).hasSize(2);
        assertThat(report.purgedUrls()).containsExactlyElementsOf(urls(150).subList(0, 60));
        assertThat(report.failedUrls()).containsExactlyElementsOf(urls(150).subList(60, 150));
        assertThat(report.failures()).singleElement().extracting(PurgeReport.Failure::reason).asString()
                                     .contains("rate limit").contains("2 requests per PT1M");
    }

    @Test
    void theRateLimiterPacesRequestsInsteadOfExceedingTheLimit() {
        Duration period = Duration.ofMillis(300);
        long limiterCreated = System.nanoTime(); // the limiter's periods count from its creation
        RateLimiter twoPerPeriod = CloudflarePurgeClient.rateLimiter(2, period, Duration.ofSeconds(10));
        AtomicInteger permits = new AtomicInteger();
        twoPerPeriod.getEventPublisher().onSuccess(event -> permits.incrementAndGet());

        PurgeReport report = client(twoPerPeriod).purge(ZONE, TOKEN, urls(180)); // 6 requests, 2 per period

        assertThat(report.complete()).isTrue();
        assertThat(permits).as("one permit per request").hasValue(6);
        List<CloudflareStub.Recorded> requests = stub.requests();
        assertThat(requests).hasSize(6);
        long sixthAfterMillis = (requests.get(5).arrivedNanos() - limiterCreated) / 1_000_000;
        assertThat(sixthAfterMillis).as("2 per 300 ms: the 5th and 6th requests wait for the third period")
                                    .isGreaterThanOrEqualTo(600);
    }
}
