package com.memora.infra.srs;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.redis.RedisRestartDetector;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.Ids;
import com.memora.infra.testsupport.TestServers;
import com.memora.infra.testsupport.TestTokens;
import com.memora.kernel.ops.JobProgress;
import com.memora.projection.srs.TrackerProjection;
import com.memora.projection.srs.ops.SeasonCacheRebuild;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding a season's review cache (domain §12.6) against real Redis and PostgreSQL: every queue restored whole
 * after a flush, progress and cancellation, harmless twice, the queue protocol kept, and the cache following
 * {@code enable_redis}; plus the cache status.
 */
class CacheRebuildTest extends SrsOperationsTestSupport {

    @Autowired
    SeasonCacheRebuild rebuilds;

    @Autowired
    RedisRestartDetector restarts;

    @Test
    void aRebuildAfterARedisFlushRestoresEveryQueue() {
        String season = season(false, true);
        List<String> players = List.of(newPlayer(), newPlayer(), newPlayer());
        Map<String, JsonNode> last = new LinkedHashMap<>();
        for (String player : players) {
            submit(player, season, rated("Q1", 1), withSubject(rated("Q2", 3), "MATH", null));
            last.put(player, submit(player, season, rated("Q3", 4), rated("Q1", 3)));
        }
        String bulk = "bulk-" + newPlayer(); // 2,500 questions: its rows run over three pages
        insertRows(season, bulk, 2_500);
        dueOk(players.get(0), "?season=" + season, token(last.get(players.get(0))));
        for (String player : players) {
            awaitTracker(player, season, sequenceOf(last.get(player)));
        }
        redisson.getKeys().flushall();

        ApiClient.Response started = admin().post("/api/admin/srs/seasons/" + season + "/rebuild-cache", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().get("status").asText()).isEqualTo("started");
        assertThat(started.json().get("estimated_records").asLong()).isEqualTo(2_509);
        JsonNode job = awaitJobSucceeded(started.json().get("job_id").asText());
        assertThat(job.get("type").asText()).isEqualTo("srs-cache-rebuild");
        assertThat(job.get("done").asLong()).isEqualTo(2_509);
        assertThat(job.get("percent").asDouble()).isEqualTo(100.0);
        assertThat(job.get("details").get("players").asLong()).isEqualTo(4);
        assertThat(job.get("result").get("total_records").asLong()).isEqualTo(2_509);
        assertThat(job.get("result").get("total_players").asLong()).isEqualTo(4);
        assertThat(job.get("result").get("total_keys").asLong()).isEqualTo(4);

        for (String player : players) {
            assertThat(contents(player, season)).as(player).isEqualTo(expectedFromTracker(player, season));
            assertThat(queue(player, season).remainTimeToLive()).isPositive();
        }
        assertThat(contents(bulk, season)).hasSize(2_501).isEqualTo(expectedFromTracker(bulk, season));

        // twice is harmless: the same queues, and reads use them
        JsonNode again = awaitJobSucceeded(
                admin().post("/api/admin/srs/seasons/" + season + "/rebuild-cache", null).json().get("job_id").asText());
        assertThat(again.get("result").get("total_keys").asLong()).isEqualTo(4);
        for (String player : players) {
            assertThat(contents(player, season)).isEqualTo(expectedFromTracker(player, season));
        }
        clock.advance(Duration.ofDays(30));
        JsonNode due = dueOk(players.get(1), "?season=" + season, null);
        assertThat(questionIds(due)).containsExactlyInAnyOrder("Q1", "Q2", "Q3");
    }

    @Test
    void aQueueThatReflectsANewerSubmissionIsKept() {
        String season = season(false, true);
        String me = newPlayer();
        JsonNode submitted = submit(me, season, rated("Q1", 3));
        awaitProjected(me, season, sequenceOf(submitted)); // the rebuild finds the player's rows, the read a queue
        dueOk(me, "?season=" + season, token(submitted));
        // as if the queue projection had applied a submission the tracker has not yet
        queue(me, season).add(-(sequenceOf(submitted) + 1 + 2), "#applied");
        queue(me, season).add(42, "Q9");
        Map<String, Double> newer = contents(me, season);

        JsonNode result = awaitJobSucceeded(admin().post("/api/admin/srs/seasons/" + season + "/rebuild-cache", null)
                                                   .json().get("job_id").asText()).get("result");
        assertThat(result.get("total_keys").asLong()).isZero();
        assertThat(result.get("queues_kept_newer").asLong()).isEqualTo(1);
        assertThat(contents(me, season)).isEqualTo(newer);
    }

    @Test
    void aQueueMissingASubmissionThatFoundNoQueueIsDroppedNotLeftStale() {
        String season = season(false, true);
        String me = newPlayer();
        JsonNode first = submit(me, season, rated("Q1", 3));
        awaitTracker(me, season, sequenceOf(first));
        StreamingEventProcessor tracker = processing.eventProcessor(TrackerProjection.PROCESSING_GROUP,
                                                                    StreamingEventProcessor.class).orElseThrow();
        JsonNode result;
        try {
            tracker.shutDown();
            submit(me, season, rated("Q2", 1)); // stored; the tracker does not have it; no queue to update
            result = awaitJobSucceeded(admin().post("/api/admin/srs/seasons/" + season + "/rebuild-cache", null)
                                              .json().get("job_id").asText()).get("result");
        } finally {
            tracker.start();
        }
        assertThat(result.get("queues_behind").asLong()).isEqualTo(1);
        assertThat(queue(me, season).isExists()).as("a queue without Q2 would hide it").isFalse();
        clock.advance(Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(10)).until(
                () -> questionIds(dueOk(me, "?season=" + season, null)).contains("Q2"));
    }

    @Test
    void aRebuildStopsBetweenPagesWhenCancelled() {
        String season = season(false, true);
        insertRows(season, "bulk-" + newPlayer(), 2_500);
        List<Long> reported = new ArrayList<>();
        JobProgress cancelAfterFirstPage = new JobProgress() {
            @Override
            public void update(long done, long total, String message, Map<String, Object> details) {
                if (done > 0) { // after the first page (the job counts the rows first)
                    reported.add(done);
                }
            }

            @Override
            public boolean cancelRequested() {
                return !reported.isEmpty();
            }
        };
        Map<String, Object> result = rebuilds.rebuild(season, cancelAfterFirstPage);
        assertThat(result.get("status")).isEqualTo("cancelled");
        assertThat(result.get("total_records")).isEqualTo(1_000L);
        assertThat(reported).containsExactly(1_000L);
        assertThat(keysOf(season)).as("the player's rows were not all read: no partial queue").isZero();
    }

    @Test
    void aRebuildStopsWhenTheSeasonStopsUsingTheCache() {
        String season = season(false, true);
        insertRows(season, "bulk-a-" + newPlayer(), 1_500);
        insertRows(season, "bulk-b-" + newPlayer(), 1_500);
        JobProgress turnCacheOffAfterFirstPage = new JobProgress() {
            private boolean turnedOff;

            @Override
            public void update(long done, long total, String message, Map<String, Object> details) {
                if (!turnedOff && done > 0) { // after the first page
                    turnedOff = true;
                    assertThat(editor().patch("/api/seasons/" + season, Map.of("enable_redis", false)).status())
                            .isEqualTo(200);
                }
            }

            @Override
            public boolean cancelRequested() {
                return false;
            }
        };
        Map<String, Object> result = rebuilds.rebuild(season, turnCacheOffAfterFirstPage);
        assertThat(result.get("status")).isEqualTo("stopped");
        assertThat(result.get("total_records")).isEqualTo(1_000L);
        await().atMost(Duration.ofSeconds(10)).until(() -> keysOf(season) == 0);
    }

    @Test
    void aRunningRebuildIsCancelledThroughTheJobsApi() {
        String season = season(false, true);
        for (int i = 0; i < 20; i++) {
            insertRows(season, "bulk-" + i + "-" + newPlayer(), 2_500);
        }
        ApiClient admin = admin();
        String job = admin.post("/api/admin/srs/seasons/" + season + "/rebuild-cache", null).json()
                          .get("job_id").asText();
        assertThat(admin.post("/api/admin/jobs/" + job + "/cancel", null).status()).isIn(202, 409);
        JsonNode finished = awaitJob(job);
        if ("CANCELLED".equals(finished.get("state").asText())) {
            assertThat(finished.get("result").get("status").asText()).isEqualTo("cancelled");
            assertThat(finished.get("result").get("total_records").asLong()).isLessThan(50_000);
        } else { // the machine was quick enough to finish first; then it finished whole
            assertThat(finished.get("result").get("total_records").asLong()).isEqualTo(50_000);
        }
    }

    @Test
    void turningTheCacheOffDeletesTheSeasonsQueuesAndTurningItOnRebuildsThem() {
        String season = season(false, true);
        String me = newPlayer();
        String other = newPlayer();
        JsonNode mine = submit(me, season, rated("Q1", 3), rated("Q2", 1));
        JsonNode theirs = submit(other, season, rated("Q1", 4));
        awaitProjected(me, season, sequenceOf(mine));
        awaitProjected(other, season, sequenceOf(theirs));
        dueOk(me, "?season=" + season, token(mine));
        dueOk(other, "?season=" + season, token(theirs));
        assertThat(keysOf(season)).isEqualTo(2);

        assertThat(editor().patch("/api/seasons/" + season, Map.of("enable_redis", false)).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> keysOf(season) == 0);
        JsonNode plain = dueOk(me, "?season=" + season, null);
        assertThat(plain.get("is_degraded").asBoolean()).isFalse();
        assertThat(keysOf(season)).as("reads of a season without cache build no queue").isZero();

        assertThat(editor().patch("/api/seasons/" + season, Map.of("enable_redis", true)).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> keysOf(season) == 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> admin().get("/api/admin/jobs?limit=50").json()
                .get("jobs").findValuesAsText("description").contains("Rebuild the review cache of season " + season));
        assertThat(contents(me, season)).isEqualTo(expectedFromTracker(me, season));
        assertThat(contents(other, season)).isEqualTo(expectedFromTracker(other, season));
    }

    @Test
    void aRebuildIsRefusedClearly() {
        ApiClient admin = admin();
        assertThat(admin.post("/api/admin/srs/seasons/" + Ids.season() + "/rebuild-cache", null).status())
                .isEqualTo(404);
        assertThat(admin.post("/api/admin/srs/seasons/SEASON-26/rebuild-cache", null).status()).isEqualTo(400);
        String withoutCache = season(false, false);
        ApiClient.Response off = admin.post("/api/admin/srs/seasons/" + withoutCache + "/rebuild-cache", null);
        assertThat(off.status()).isEqualTo(409);
        assertThat(off.json().get("type").asText()).isEqualTo("urn:memora:problem:review-cache-disabled");
        String archived = season(false, true);
        archive(archived);
        ApiClient.Response closed = admin.post("/api/admin/srs/seasons/" + archived + "/rebuild-cache", null);
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.json().get("type").asText()).isEqualTo("urn:memora:problem:season-archived");
        assertThat(api(TestTokens.editor()).post("/api/admin/srs/seasons/" + withoutCache + "/rebuild-cache", null)
                                           .status()).isEqualTo(403);
    }

    @Test
    void theCacheStatusCountsKeysPerSeasonWithScanAndAnswersWhileRedisIsDown() {
        String season = season(false, true);
        for (int i = 0; i < 3; i++) {
            String player = newPlayer();
            JsonNode submitted = submit(player, season, rated("Q1", 3));
            awaitProjected(player, season, sequenceOf(submitted));
            dueOk(player, "?season=" + season, token(submitted));
        }
        JsonNode status = admin().get("/api/admin/srs/cache?fresh=true").json();
        assertThat(status.get("redis_connected").asBoolean()).isTrue();
        assertThat(status.get("safe_mode").asBoolean()).isFalse();
        assertThat(status.get("memory_used_mb").asDouble()).isPositive();
        assertThat(status.get("keys_by_season").get(season).asLong()).isEqualTo(3);
        long counted = 0;
        for (JsonNode count : status.get("keys_by_season")) {
            counted += count.asLong();
        }
        assertThat(status.get("total_keys").asLong()).isEqualTo(counted).isGreaterThanOrEqualTo(3);
        assertThat(api(TestTokens.editor()).get("/api/admin/srs/cache").status()).isEqualTo(403);

        TestServers.get().interruptRedis();
        ApiClient.Response down = admin().get("/api/admin/srs/cache");
        assertThat(down.status()).isEqualTo(200);
        assertThat(down.json().get("redis_connected").asBoolean()).isFalse();
        assertThat(down.json().get("total_keys").isNull()).isTrue();
        assertThat(down.json().get("memory_used_mb").isNull()).isTrue();
    }

    @Test
    void theCacheStatusReusesItsKeyCountsForAFewSecondsUnlessAskedFresh() {
        JsonNode counted = admin().get("/api/admin/srs/cache?fresh=true").json();
        String season = season(false, true);
        String player = newPlayer();
        JsonNode submitted = submit(player, season, rated("Q1", 3));
        awaitProjected(player, season, sequenceOf(submitted));
        dueOk(player, "?season=" + season, token(submitted));

        // a dashboard's poll right after: the counts of a moment ago, not another SCAN of every queue key
        JsonNode polled = admin().get("/api/admin/srs/cache").json();
        assertThat(polled.get("keys_counted_at").asText()).isEqualTo(counted.get("keys_counted_at").asText());
        assertThat(polled.get("keys_by_season").has(season)).isFalse();
        assertThat(polled.get("redis_connected").asBoolean()).as("the connection is asked every time").isTrue();

        JsonNode fresh = admin().get("/api/admin/srs/cache?fresh=true").json();
        assertThat(fresh.get("keys_by_season").get(season).asLong()).isEqualTo(1);
        assertThat(admin().get("/api/admin/srs/cache?fresh=sometimes").status()).isEqualTo(400);
    }

    /**
     * Redis restarted from an old file (new run id, a stale queue) and an administrator rebuilds before any node's
     * probe noticed: the rebuild handles the restart first (drops every queue), then writes, so the next probe finds
     * the run handled and the rebuilt queues stay.
     */
    @Test
    void aRedisRestartIsHandledBeforeARebuildWritesSoTheRebuiltQueuesStay() {
        String season = season(false, true);
        String me = newPlayer();
        JsonNode submitted = submit(me, season, rated("Q1", 1), rated("Q2", 4));
        awaitTracker(me, season, sequenceOf(submitted));
        restarts.check(); // the current run is handled

        redisRecovery.restartRedis();
        queue(me, season).add(0, "STALE-QUESTION");
        queue(me, season).add(-2, "#applied");
        JsonNode job = awaitJobSucceeded(admin().post("/api/admin/srs/seasons/" + season + "/rebuild-cache", null)
                                                .json().get("job_id").asText());
        assertThat(job.get("result").get("total_keys").asLong()).isEqualTo(1);

        assertThat(restarts.check()).as("nothing left to drop").isZero();
        assertThat(contents(me, season)).isEqualTo(expectedFromTracker(me, season));
    }
}
