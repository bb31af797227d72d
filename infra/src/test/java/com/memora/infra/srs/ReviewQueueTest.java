package com.memora.infra.srs;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.redis.RedisRestartDetector;
import com.memora.projection.srs.ReviewQueueProjection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Redis review queues (decisions R6): built whole on first read, updated only in sequence, dropped on restart. */
class ReviewQueueTest extends ReviewTestSupport {

    @Autowired
    RedisRestartDetector restarts;

    @Test
    void aQueueIsBuiltWholeOnTheFirstReadAndThenFollowsTheSubmissions() {
        String season = season(false, true);
        String me = newPlayer();
        clock.freezeAt(Instant.parse("2026-10-05T08:00:00Z"));
        JsonNode first = submit(me, season, rated("Q1", 1), rated("Q2", 3));
        awaitTracker(me, season, sequenceOf(first));
        assertThat(queue(me, season).isExists()).as("no queue before the first read").isFalse();

        dueOk(me, "?season=" + season, first.get("consistency_token").asText());
        assertThat(contents(me, season)).isEqualTo(expectedFromTracker(me, season));
        assertThat(queue(me, season).remainTimeToLive()).isPositive(); // every queue expires

        JsonNode second = submit(me, season, rated("Q1", 4), rated("Q3", 2));
        awaitTracker(me, season, sequenceOf(second));
        await().atMost(Duration.ofSeconds(10)).until(
                () -> contents(me, season).equals(expectedFromTracker(me, season)));
        assertThat(contents(me, season)).containsKeys("Q1", "Q2", "Q3", "#applied");
    }

    @Test
    void aQueueThatMissedASubmissionIsDroppedAndRebuiltCompleteOnTheNextRead() {
        String season = season(false, true);
        String me = newPlayer();
        JsonNode first = submit(me, season, rated("Q1", 1));
        awaitProjected(me, season, sequenceOf(first));
        dueOk(me, "?season=" + season, first.get("consistency_token").asText());
        assertThat(queue(me, season).isExists()).isTrue();
        awaitProcessed(ReviewQueueProjection.PROCESSING_GROUP); // the first submission's update is behind us
        // as if a submission had been missed: the queue believes it reflects nothing yet, then sees sequence 1
        queue(me, season).add(-1, "#applied");

        JsonNode second = submit(me, season, rated("Q2", 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> !queue(me, season).isExists());
        awaitProjected(me, season, sequenceOf(second)); // so that the read rebuilds the queue, not only answers
        clock.advance(Duration.ofMinutes(5));
        JsonNode due = dueOk(me, "?season=" + season, second.get("consistency_token").asText());
        assertThat(questionIds(due)).containsExactly("Q1", "Q2");
        assertThat(contents(me, season)).isEqualTo(expectedFromTracker(me, season));
    }

    @Test
    void queuesAreNotCreatedBySubmissionsAlone() {
        String season = season(false, true);
        String me = newPlayer();
        JsonNode submitted = submit(me, season, rated("Q1", 3));
        awaitTracker(me, season, sequenceOf(submitted));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
               .until(() -> !queue(me, season).isExists());
    }

    @Test
    void aRedisRestartDropsEveryCachedQueueAndReadsRebuildThem() {
        String season = season(false, true);
        String me = newPlayer();
        JsonNode submitted = submit(me, season, rated("Q1", 1), rated("Q2", 4));
        awaitProjected(me, season, sequenceOf(submitted));
        dueOk(me, "?season=" + season, submitted.get("consistency_token").asText());
        assertThat(queue(me, season).isExists()).isTrue();
        awaitProcessed(ReviewQueueProjection.PROCESSING_GROUP); // no queue update of this test meets the restart
        restarts.check(); // the current run id is known
        assertThat(restarts.check()).isZero();

        redisRecovery.restartRedis(); // a new redis-server process: new run id
        // as if it had come back from an old append-only file: stale queues
        queue(me, season).add(0, "STALE-QUESTION");
        queue(me, season).add(-2, "#applied");
        queue(newPlayer(), season).add(0, "#applied");

        assertThat(restarts.check()).isEqualTo(2);
        assertThat(queue(me, season).isExists()).isFalse();
        assertThat(restarts.check()).as("the new run id is handled once").isZero();

        clock.advance(Duration.ofMinutes(5));
        JsonNode due = dueOk(me, "?season=" + season, null);
        assertThat(questionIds(due)).containsExactly("Q1");
        assertThat(contents(me, season)).isEqualTo(expectedFromTracker(me, season));
    }

    /**
     * The run id last handled is not kept in Redis: an eviction of any other key (allkeys-lru) or a FLUSHALL followed
     * by reads that build queues again is no restart, and the next check keeps the queues.
     */
    @Test
    void anEvictionOrAFlushIsNotMistakenForARestart() {
        restarts.check(); // the current run is handled
        String season = season(false, true);
        String me = newPlayer();
        JsonNode submitted = submit(me, season, rated("Q1", 1));
        awaitProjected(me, season, sequenceOf(submitted));
        dueOk(me, "?season=" + season, submitted.get("consistency_token").asText());
        assertThat(restarts.check()).isZero();

        for (String key : redisson.getKeys().getKeys()) { // what allkeys-lru may evict: anything but a queue
            if (!key.startsWith("srs:")) {
                redisson.getKeys().delete(key);
            }
        }
        assertThat(restarts.check()).isZero();
        assertThat(queue(me, season).isExists()).isTrue();

        redisson.getKeys().flushall();
        dueOk(me, "?season=" + season, null); // builds the queue again
        assertThat(queue(me, season).isExists()).isTrue();
        assertThat(restarts.check()).isZero();
        assertThat(queue(me, season).isExists()).as("a queue built after the flush stays").isTrue();
    }
}
