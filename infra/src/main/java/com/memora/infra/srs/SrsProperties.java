package com.memora.infra.srs;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Spaced-repetition settings ({@code memora.srs.*}; README "Spaced repetition").
 *
 * @param maxTrackedQuestions      questions a player may track per season (decisions S7)
 * @param submissionsPerMinute     review submissions a player may send per minute, per node (S7)
 * @param snapshotEvery            a player-memory snapshot after this many submissions
 * @param consistencyWait          how long a read carrying a consistency token waits for the projections (R5, ≤ 1 s)
 * @param queueTtl                 how long an unread review queue stays in Redis (README "TTL policy")
 * @param safeMode                 Safe Mode limits and the Redis circuit breaker (S4)
 */
@ConfigurationProperties("memora.srs")
public record SrsProperties(Integer maxTrackedQuestions,
                            Integer submissionsPerMinute,
                            Integer snapshotEvery,
                            Duration consistencyWait,
                            Duration queueTtl,
                            SafeMode safeMode) {

    public SrsProperties {
        maxTrackedQuestions = maxTrackedQuestions == null ? 100_000 : maxTrackedQuestions;
        submissionsPerMinute = submissionsPerMinute == null ? 60 : submissionsPerMinute;
        snapshotEvery = snapshotEvery == null ? 25 : snapshotEvery;
        consistencyWait = consistencyWait == null ? Duration.ofSeconds(1) : consistencyWait;
        if (consistencyWait.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("memora.srs.consistency-wait is at most 1s (decisions R5)");
        }
        queueTtl = queueTtl == null ? Duration.ofDays(30) : queueTtl;
        safeMode = safeMode == null ? new SafeMode(null, null, null, null, null) : safeMode;
    }

    /**
     * @param requestsPerMinutePerNode Safe Mode reads per minute on this node (the overall limit divided by nodes)
     * @param perPlayerInterval        one Safe Mode read per player per this interval
     * @param failuresToOpen           failed Redis calls (out of the last few) that switch Safe Mode on
     * @param retryRedisAfter          how long Safe Mode lasts before Redis is tried again
     * @param probeInterval            how often a node checks Redis by itself (Safe Mode end, restarts)
     */
    public record SafeMode(Integer requestsPerMinutePerNode,
                           Duration perPlayerInterval,
                           Integer failuresToOpen,
                           Duration retryRedisAfter,
                           Duration probeInterval) {

        public SafeMode {
            requestsPerMinutePerNode = requestsPerMinutePerNode == null ? 500 : requestsPerMinutePerNode;
            perPlayerInterval = perPlayerInterval == null ? Duration.ofSeconds(30) : perPlayerInterval;
            failuresToOpen = failuresToOpen == null ? 2 : failuresToOpen;
            retryRedisAfter = retryRedisAfter == null ? Duration.ofSeconds(5) : retryRedisAfter;
            probeInterval = probeInterval == null ? Duration.ofSeconds(5) : probeInterval;
        }
    }
}
