package com.memora.infra.srs;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.memora.kernel.error.RateLimitedException;
import com.memora.query.srs.SafeModeLimits;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Safe Mode's read limits (decisions S4), in the application because the Redis that used to keep them is what
 * failed: a Resilience4j rate limiter per node ({@code requests-per-minute-per-node}, set it to the overall limit
 * divided by the nodes) and one read per player per {@code per-player-interval}, remembered in an expiring map on
 * the service clock. A read refused by either limit costs nothing against the other.
 */
@Component
class SafeModeReadLimits implements SafeModeLimits {

    static final String NODE_LIMITER = "srs-safe-mode-node";

    private final RateLimiterRegistry registry;
    private final RateLimiterConfig nodeLimit;
    private final Duration perPlayer;
    private final Clock clock;
    private final Cache<String, Instant> lastRead;

    SafeModeReadLimits(RateLimiterRegistry rateLimiterRegistry, SrsProperties properties, Clock clock) {
        this.registry = rateLimiterRegistry;
        this.nodeLimit = RateLimiterConfig.custom()
                                          .limitForPeriod(properties.safeMode().requestsPerMinutePerNode())
                                          .limitRefreshPeriod(Duration.ofMinutes(1))
                                          .timeoutDuration(Duration.ZERO)
                                          .build();
        this.perPlayer = properties.safeMode().perPlayerInterval();
        this.clock = clock;
        this.lastRead = Caffeine.newBuilder().expireAfterWrite(perPlayer).build();
    }

    @Override
    public void admit(String playerId) {
        Instant now = clock.instant();
        long[] refusedFor = {0};
        lastRead.asMap().compute(playerId, (player, last) -> {
            // a last read "in the future" means the clock was set back: it no longer counts
            if (last != null && !last.isAfter(now) && now.isBefore(last.plus(perPlayer))) {
                refusedFor[0] = Math.max(1, Duration.between(now, last.plus(perPlayer)).toSeconds());
                return last;
            }
            RateLimiter node = registry.rateLimiter(NODE_LIMITER, nodeLimit);
            if (!node.acquirePermission()) {
                refusedFor[0] = -secondsToWait(node);
                return last;
            }
            return now;
        });
        if (refusedFor[0] > 0) {
            throw new RateLimitedException("safe-mode-rate-limit",
                    "Review reads are in Safe Mode (the review cache is unreachable): one read per player every "
                    + perPlayer.toSeconds() + " seconds. Please wait " + refusedFor[0] + " seconds.",
                    refusedFor[0]);
        }
        if (refusedFor[0] < 0) {
            throw new RateLimitedException("safe-mode-rate-limit",
                    "Review reads are in Safe Mode (the review cache is unreachable) and this server takes at most "
                    + nodeLimit.getLimitForPeriod() + " of them per minute. Please wait " + -refusedFor[0]
                    + " seconds.", -refusedFor[0]);
        }
    }

    /** Whole seconds until the limiter lets one more through, at least 1 (a Retry-After of 0 invites a retry storm). */
    static long secondsToWait(RateLimiter limiter) {
        long nanos = limiter instanceof AtomicRateLimiter atomic ? atomic.getDetailedMetrics().getNanosToWait()
                                                                 : TimeUnit.SECONDS.toNanos(1);
        return Math.max(1, (long) Math.ceil(nanos / (double) TimeUnit.SECONDS.toNanos(1)));
    }
}
