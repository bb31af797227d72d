package com.memora.infra.srs;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.redis.SafeModeMonitor;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.TestServers;
import com.memora.infra.testsupport.TestTokens;
import com.memora.projection.srs.ReviewQueueProjection;
import com.memora.projection.srs.TrackerProjection;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Decisions S3, S4 and R6 with Redis really stopped in the middle of the test. */
class SafeModeTest extends ReviewTestSupport {

    @Autowired
    CircuitBreaker reviewQueuesCircuitBreaker;

    @Autowired
    RateLimiterRegistry rateLimiters;

    /**
     * The per-node limiter is created by the first Safe Mode read and counts whole minutes from then on, so one
     * created earlier (by another class too) could let this test's 501 reads straddle two minutes: each test starts
     * with none, and leaves none with its permits used up. Redis and the breaker are restored after every test by
     * {@link ReviewTestSupport}.
     */
    @BeforeEach
    void startWithoutNodeLimiter() {
        rateLimiters.remove(SafeModeReadLimits.NODE_LIMITER);
    }

    @AfterEach
    void leaveNoNodeLimiter() {
        rateLimiters.remove(SafeModeReadLimits.NODE_LIMITER);
    }

    /** Raised alerts of a kind, repeats included (the store counts a repeat within its window on the first). */
    private long notifications(String kind) {
        return jdbc.sql("select coalesce(sum(occurrences), 0) from notification where kind = ?").param(kind)
                   .query(Long.class).single();
    }

    private long parkedQueueUpdates() {
        return jdbc.sql("select count(*) from dead_letter_entry where processing_group = ?")
                   .param(ReviewQueueProjection.PROCESSING_GROUP).query(Long.class).single();
    }

    @Test
    void whileRedisIsDownSubmissionsAreAcceptedAndReadsAreDegradedLimitedAndCorrectThenNormalModeResumes() {
        String season = season(false, true);
        String me = newPlayer();
        String other = newPlayer();
        clock.freezeAt(Instant.parse("2026-10-05T08:00:00Z"));
        JsonNode before = submit(me, season, rated("Q1", 1), rated("Q2", 3));
        awaitProjected(me, season, sequenceOf(before));
        dueOk(me, "?season=" + season, before.get("consistency_token").asText()); // the queue exists
        long startedBefore = notifications(SafeModeMonitor.STARTED);
        long endedBefore = notifications(SafeModeMonitor.ENDED);

        TestServers.get().interruptRedis();

        // submissions are never lost or refused, and never limited by Safe Mode
        JsonNode during = null;
        for (int i = 0; i < 3; i++) {
            during = submit(me, season, rated("Q3", 1), rated("Q1", 3));
        }
        submit(other, season, rated("OTHER", 1));
        assertThat(storedEvents(me, season)).isEqualTo(4);

        clock.advance(Duration.ofMinutes(2));
        // with the tracker caught up the read tries the queue and meets the outage (a read that gives up on a
        // lagging tracker before trying Redis: see the test below)
        awaitTracker(me, season, sequenceOf(during));
        JsonNode degraded = dueOk(me, "?season=" + season, during.get("consistency_token").asText());
        assertThat(degraded.get("is_degraded").asBoolean()).isTrue();
        assertThat(questionIds(degraded)).containsExactly("Q3"); // Q1 answered again during the outage
        assertThat(degraded.get("total_due").asLong()).isEqualTo(1);

        // one read per player per 30 s, 429 with Retry-After beyond
        ApiClient.Response limited = due(me, "?season=" + season, null);
        assertThat(limited.status()).isEqualTo(429);
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 30L);
        assertThat(limited.json().get("detail").asText()).contains("Safe Mode");
        assertThat(dueOk(other, "?season=" + season, null).get("is_degraded").asBoolean()).isTrue();
        assertThat(reviewQueuesCircuitBreaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(notifications(SafeModeMonitor.STARTED)).isEqualTo(startedBefore + 1);

        clock.advance(Duration.ofSeconds(31));
        assertThat(dueOk(me, "?season=" + season, null).get("is_degraded").asBoolean()).isTrue();

        // Redis comes back (restarted, empty): after the short Safe Mode wait, normal mode resumes by itself
        TestServers.get().resumeRedis();
        clock.advance(Duration.ofSeconds(6));
        JsonNode normal = dueOk(me, "?season=" + season, null);
        assertThat(normal.get("is_degraded").asBoolean()).isFalse();
        assertThat(questionIds(normal)).containsExactly("Q3");
        assertThat(reviewQueuesCircuitBreaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications(SafeModeMonitor.ENDED) == endedBefore + 1);
        // the queue updates parked during the outage are applied (or found already applied) at once
        await().atMost(Duration.ofSeconds(10)).until(() -> parkedQueueUpdates() == 0);
        JsonNode next = submit(me, season, rated("Q3", 3));
        assertThat(questionIds(dueOk(me, "?season=" + season, next.get("consistency_token").asText()))).isEmpty();
        assertThat(submit(me, season, rated("Q3", 3)).get("processed").asInt()).isEqualTo(1);
    }

    /**
     * A tokened read whose tracker lags past the consistency wait answers from the tracker and the stored events
     * without trying Redis; in Safe Mode that answer is still degraded and within the Safe Mode limits (S4).
     */
    @Test
    void inSafeModeATokenedReadThatOutwaitsALaggingTrackerIsStillDegradedAndLimited() {
        String season = season(false, true);
        String me = newPlayer();
        clock.freezeAt(Instant.parse("2026-10-05T08:00:00Z"));
        awaitTracker(me, season, sequenceOf(submit(me, season, rated("Q1", 1))));
        TestServers.get().interruptRedis();
        reviewQueuesCircuitBreaker.transitionToOpenState(); // Safe Mode on, as after a few failed calls

        StreamingEventProcessor tracker = processing.eventProcessor(TrackerProjection.PROCESSING_GROUP,
                                                                    StreamingEventProcessor.class).orElseThrow();
        tracker.shutDown();
        try {
            JsonNode second = submit(me, season, rated("Q2", 1));
            clock.advance(Duration.ofMinutes(2));
            JsonNode due = dueOk(me, "?season=" + season, second.get("consistency_token").asText());
            assertThat(trackerSequence(jdbc, me, season)).as("the tracker really lagged").isZero();
            assertThat(due.get("is_degraded").asBoolean()).isTrue();
            assertThat(questionIds(due)).containsExactly("Q1", "Q2"); // both Again; the second from its event
            assertThat(due(me, "?season=" + season, second.get("consistency_token").asText()).status())
                    .as("one read per player per 30 s").isEqualTo(429);
        } finally {
            tracker.start();
        }
    }

    @Test
    void aSeasonWithoutTheCacheReadsTheDatabasePlainlyEvenWhileRedisIsDown() {
        String season = season(false, false);
        String me = newPlayer();
        JsonNode submitted = submit(me, season, rated("Q1", 1));
        TestServers.get().interruptRedis();
        clock.advance(Duration.ofMinutes(2));
        for (int i = 0; i < 3; i++) {
            JsonNode due = dueOk(me, "?season=" + season, submitted.get("consistency_token").asText());
            assertThat(due.get("is_degraded").asBoolean()).isFalse();
            assertThat(questionIds(due)).containsExactly("Q1");
        }
    }

    @Test
    void safeModeReadsAreLimitedPerNode() {
        String season = season(false, true);
        TestServers.get().interruptRedis();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            statuses.add(api(TestTokens.player(newPlayer())).get("/api/reviews/due?season=" + season).status());
        }
        assertThat(statuses.subList(0, 500)).containsOnly(200);
        assertThat(statuses.get(500)).isEqualTo(429);
        ApiClient.Response refused = api(TestTokens.player(newPlayer())).get("/api/reviews/due?season=" + season);
        assertThat(refused.json().get("detail").asText()).contains("at most 500");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }
}
