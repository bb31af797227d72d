package com.memora.infra.srs;

import com.memora.kernel.srs.fsrs.FsrsParameters;
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
 * @param fsrs                     the scheduler's service settings (fsrs.md's defaults otherwise)
 * @param memoryCacheSize          loaded player memories kept between submissions, per node (most recently used)
 */
@ConfigurationProperties("memora.srs")
public record SrsProperties(Integer maxTrackedQuestions,
                            Integer submissionsPerMinute,
                            Integer snapshotEvery,
                            Duration consistencyWait,
                            Duration queueTtl,
                            SafeMode safeMode,
                            Fsrs fsrs,
                            Integer memoryCacheSize) {

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
        fsrs = fsrs == null ? new Fsrs(null, null, null) : fsrs;
        memoryCacheSize = memoryCacheSize == null ? 1_000 : memoryCacheSize;
        if (memoryCacheSize < 0) {
            throw new IllegalArgumentException("memora.srs.memory-cache-size is at least 0");
        }
    }

    /**
     * FSRS settings of the service ({@code memora.srs.fsrs.*}); the weights and steps stay fsrs.md's. A change applies
     * to reviews from then on: stored events keep the due times they were given, nothing is rescheduled.
     *
     * @param enableFuzz          spread intervals of 2.5 days and more a little (ts-fsrs's fuzz), so cards learned
     *                            together do not all come due on the same day; off by default
     * @param desiredRetention    the recall probability intervals aim at, in (0, 1); 0.9 by default
     * @param maximumIntervalDays the longest interval, at least 1 day; 36,500 by default
     */
    public record Fsrs(Boolean enableFuzz, Double desiredRetention, Integer maximumIntervalDays) {

        public Fsrs {
            enableFuzz = enableFuzz != null && enableFuzz;
            desiredRetention = desiredRetention == null ? FsrsParameters.DEFAULT_DESIRED_RETENTION : desiredRetention;
            maximumIntervalDays = maximumIntervalDays == null ? FsrsParameters.DEFAULT_MAXIMUM_INTERVAL_DAYS
                                                              : maximumIntervalDays;
            if (!(desiredRetention > 0 && desiredRetention < 1)) {
                throw new IllegalArgumentException("memora.srs.fsrs.desired-retention is between 0 and 1 (exclusive), "
                                                   + "not " + desiredRetention);
            }
            if (maximumIntervalDays < 1) {
                throw new IllegalArgumentException("memora.srs.fsrs.maximum-interval-days is at least 1, not "
                                                   + maximumIntervalDays);
            }
        }

        /** fsrs.md's parameters with these settings. */
        public FsrsParameters parameters() {
            return FsrsParameters.defaults().withFuzz(enableFuzz).withDesiredRetention(desiredRetention)
                                 .withMaximumIntervalDays(maximumIntervalDays);
        }
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
