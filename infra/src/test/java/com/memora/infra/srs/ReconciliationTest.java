package com.memora.infra.srs;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.Ids;
import com.memora.infra.testsupport.TestServers;
import com.memora.projection.srs.ReviewQueueProjection;
import com.memora.projection.srs.ops.CacheReconciliation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconciliation of the review cache with the tracker (domain §12.6) against real Redis and PostgreSQL:
 * discrepancies injected into Redis are found and corrected from the tracker, the administrators are alerted above
 * 0.1 %, a missing queue or a queue a moment behind is not a discrepancy, and running it twice is harmless.
 */
class ReconciliationTest extends SrsOperationsTestSupport {

    @Test
    void discrepanciesInjectedIntoRedisAreFoundAndCorrectedFromTheTracker() {
        String season = season(false, true);
        String first = newPlayer();
        String second = newPlayer();
        String withoutQueue = newPlayer();
        JsonNode one = submit(first, season, rated("Q1", 3), rated("Q2", 1), rated("Q3", 4), rated("Q4", 2),
                              rated("Q5", 3));
        JsonNode two = submit(second, season, rated("Q1", 3), rated("Q2", 3), rated("Q3", 3));
        JsonNode three = submit(withoutQueue, season, rated("Q1", 3));
        awaitProjected(first, season, sequenceOf(one));
        awaitProjected(second, season, sequenceOf(two));
        dueOk(first, "?season=" + season, token(one));
        dueOk(second, "?season=" + season, token(two));
        awaitTracker(withoutQueue, season, sequenceOf(three));
        awaitProcessed(ReviewQueueProjection.PROCESSING_GROUP);
        Map<String, Double> firstBefore = expectedFromTracker(first, season);

        queue(first, season).add(firstBefore.get("Q2") + 3_600, "Q2"); // an hour off
        queue(first, season).remove("Q4");                             // missing
        queue(second, season).add(expectedFromTracker(second, season).get("Q1") + 1, "Q1"); // within 1 s

        ApiClient.Response response = admin().post("/api/admin/srs/reconcile",
                                                   Map.of("sample_size", 100, "season", season));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode result = response.json();
        assertThat(result.get("sample_size").asInt()).as("a small season is sampled whole").isEqualTo(9);
        assertThat(result.get("requested_sample_size").asInt()).isEqualTo(100);
        assertThat(result.get("discrepancies_found").asLong()).isEqualTo(2);
        assertThat(result.get("auto_corrected").asLong()).isEqualTo(2);
        assertThat(result.get("compared").asLong()).isEqualTo(8);
        assertThat(result.get("without_queue").asLong()).isEqualTo(1);
        assertThat(result.get("discrepancy_rate").asDouble()).isEqualTo(2.0 / 8);
        assertThat(result.get("alert_triggered").asBoolean()).isTrue();
        assertThat(seasonsOf(result.get("seasons"))).containsExactly(season);

        assertThat(contents(first, season)).isEqualTo(expectedFromTracker(first, season));
        assertThat(contents(second, season).get("Q1")).as("a second off is tolerated")
                .isEqualTo(expectedFromTracker(second, season).get("Q1") + 1);
        assertThat(queue(withoutQueue, season).isExists()).as("no queue is created").isFalse();
        JsonNode alerts = admin().get("/api/admin/notifications?kind=" + CacheReconciliation.ALERT_KIND).json();
        assertThat(alerts.get("notifications").get(0).get("message").asText()).contains("2 of 8");

        JsonNode again = admin().post("/api/admin/srs/reconcile", Map.of("sample_size", 100, "season", season))
                                .json();
        assertThat(again.get("discrepancies_found").asLong()).isZero();
        assertThat(again.get("alert_triggered").asBoolean()).isFalse();
        assertThat(again.get("compared").asLong()).isEqualTo(8);
        assertThat(contents(first, season)).isEqualTo(expectedFromTracker(first, season));
    }

    @Test
    void aQueueThatReflectsAnotherSubmissionThanTheTrackerIsLeftAlone() {
        String season = season(false, true);
        String me = newPlayer();
        JsonNode submitted = submit(me, season, rated("Q1", 3), rated("Q2", 3));
        awaitProjected(me, season, sequenceOf(submitted));
        dueOk(me, "?season=" + season, token(submitted));
        awaitProcessed(ReviewQueueProjection.PROCESSING_GROUP);
        // as if the queue projection had applied a newer submission whose tracker update is still on its way
        queue(me, season).add(-(sequenceOf(submitted) + 1 + 2), "#applied");
        queue(me, season).add(1, "Q1");
        Map<String, Double> ahead = contents(me, season);

        JsonNode result = admin().post("/api/admin/srs/reconcile", Map.of("sample_size", 100, "season", season))
                                 .json();
        assertThat(result.get("in_flight").asLong()).isEqualTo(2);
        assertThat(result.get("compared").asLong()).isZero();
        assertThat(result.get("discrepancies_found").asLong()).isZero();
        assertThat(result.get("discrepancy_rate").asDouble()).isZero();
        assertThat(contents(me, season)).as("never corrected backwards").isEqualTo(ahead);
    }

    /**
     * A queue that lost an update (its marker stays behind the tracker) is "in flight" for one run; a later run that
     * finds it still behind the same position, reconcile-stale-after (5 min) on, reports it stale and drops it, and the
     * next read rebuilds it from the tracker. A queue that caught up meanwhile is not stale.
     */
    @Test
    void aQueueThatStaysBehindTheTrackerIsReportedStaleAndRebuilt() {
        clock.freezeAt(Instant.parse("2026-10-05T08:00:00Z"));
        String season = season(false, true);
        String lost = newPlayer();
        String late = newPlayer();
        JsonNode lostFirst = submit(lost, season, rated("Q1", 3));
        JsonNode lateFirst = submit(late, season, rated("Q1", 3));
        awaitProjected(lost, season, sequenceOf(lostFirst));
        awaitProjected(late, season, sequenceOf(lateFirst));
        dueOk(lost, "?season=" + season, token(lostFirst));
        dueOk(late, "?season=" + season, token(lateFirst));
        JsonNode lostSecond = submit(lost, season, rated("Q2", 1));
        JsonNode lateSecond = submit(late, season, rated("Q2", 1));
        awaitTracker(lost, season, sequenceOf(lostSecond));
        awaitTracker(late, season, sequenceOf(lateSecond));
        awaitProcessed(ReviewQueueProjection.PROCESSING_GROUP);
        Map<String, Double> lateComplete = contents(late, season);
        // both queues as if the second submission's update had not reached them (lost, or parked)
        for (String player : List.of(lost, late)) {
            queue(player, season).add(-(sequenceOf(lostFirst) + 2), "#applied");
            queue(player, season).remove("Q2");
        }

        JsonNode first = reconcile(season);
        assertThat(first.get("in_flight").asLong()).isEqualTo(4);
        assertThat(first.get("stale_queues").asLong()).isZero();
        assertThat(first.get("discrepancies_found").asLong()).isZero();
        assertThat(reconcile(season).get("stale_queues").asLong()).as("not before reconcile-stale-after").isZero();
        assertThat(queue(lost, season).isExists()).isTrue();

        clock.advance(Duration.ofMinutes(5));
        queue(late, season).addAll(lateComplete); // its update arrived meanwhile (marker included)
        JsonNode later = reconcile(season);
        assertThat(later.get("stale_queues").asLong()).isEqualTo(1);
        assertThat(later.get("discrepancies_found").asLong()).isEqualTo(1);
        assertThat(later.get("auto_corrected").asLong()).isEqualTo(1);
        assertThat(queue(lost, season).isExists()).as("dropped").isFalse();
        assertThat(contents(late, season)).as("caught up: kept").isEqualTo(lateComplete);

        dueOk(lost, "?season=" + season, token(lostSecond)); // rebuilt whole from the tracker
        assertThat(contents(lost, season)).isEqualTo(expectedFromTracker(lost, season));
        clock.advance(Duration.ofMinutes(5));
        JsonNode after = reconcile(season);
        assertThat(after.get("stale_queues").asLong()).isZero();
        assertThat(after.get("in_flight").asLong()).isZero();
    }

    private JsonNode reconcile(String season) {
        ApiClient.Response response = admin().post("/api/admin/srs/reconcile",
                                                   Map.of("sample_size", 100, "season", season));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void aSampleIsDrawnFromEverySeasonThatUsesTheCacheAndFromNoOther() {
        String big = season(false, true);
        String small = season(false, true);
        String withoutCache = season(false, false);
        insertRows(big, "bulk-" + newPlayer(), 3_000);
        insertRows(small, "bulk-" + newPlayer(), 1_000);
        insertRows(withoutCache, "bulk-" + newPlayer(), 1_000);
        jdbc.sql("analyze " + partitionOf(big)).update();

        JsonNode result = admin().post("/api/admin/srs/reconcile", Map.of("sample_size", 400)).json();
        assertThat(seasonsOf(result.get("seasons"))).contains(big, small).doesNotContain(withoutCache);
        assertThat(result.get("sample_size").asInt()).isPositive().isLessThanOrEqualTo(400);

        JsonNode onlyBig = admin().post("/api/admin/srs/reconcile", Map.of("sample_size", 2_000, "season", big))
                                  .json();
        assertThat(onlyBig.get("sample_size").asInt()).isEqualTo(2_000);
        assertThat(onlyBig.get("without_queue").asLong()).isEqualTo(2_000);
    }

    @Test
    void theDefaultSampleIsTenThousand() {
        String season = season(false, true);
        insertRows(season, "bulk-" + newPlayer(), 100);
        JsonNode result = admin().post("/api/admin/srs/reconcile", null).json();
        assertThat(result.get("requested_sample_size").asInt()).isEqualTo(10_000);
        assertThat(admin().post("/api/admin/srs/reconcile", Map.of()).json().get("requested_sample_size").asInt())
                .isEqualTo(10_000);
    }

    @Test
    void badRequestsAreRefusedClearlyAndChangeNothing() {
        ApiClient admin = admin();
        for (Object size : new Object[] {99, 100_001, 0, -5}) {
            ApiClient.Response refused = admin.post("/api/admin/srs/reconcile", Map.of("sample_size", size));
            assertThat(refused.status()).as(String.valueOf(size)).isEqualTo(400);
            assertThat(refused.json().get("field").asText()).isEqualTo("sample_size");
            assertThat(refused.json().get("detail").asText()).contains("100").contains("100000");
        }
        assertThat(admin.post("/api/admin/srs/reconcile", "{\"sample_size\":\"many\"}").json().get("field").asText())
                .isEqualTo("sample_size");
        assertThat(admin.post("/api/admin/srs/reconcile", "{\"size\":100}").json().get("field").asText())
                .isEqualTo("size");
        assertThat(admin.post("/api/admin/srs/reconcile", Map.of("season", "2026")).json().get("field").asText())
                .isEqualTo("season");
        assertThat(admin.post("/api/admin/srs/reconcile", Map.of("season", Ids.season())).status()).isEqualTo(404);
        String withoutCache = season(false, false);
        assertThat(admin.post("/api/admin/srs/reconcile", Map.of("season", withoutCache)).status()).isEqualTo(409);
        assertThat(player(newPlayer()).post("/api/admin/srs/reconcile", null).status()).isEqualTo(403);
    }

    @Test
    void withRedisDownReconciliationIsUnavailableNotAnError() {
        String season = season(false, true);
        insertRows(season, "bulk-" + newPlayer(), 10);
        TestServers.get().interruptRedis();
        ApiClient.Response response = admin().post("/api/admin/srs/reconcile", Map.of("season", season));
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.json().get("type").asText()).isEqualTo("urn:memora:problem:review-cache-unavailable");
    }
}
