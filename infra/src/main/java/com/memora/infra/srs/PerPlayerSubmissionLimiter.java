package com.memora.infra.srs;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.memora.command.srs.SubmissionRateLimiter;
import com.memora.kernel.error.RateLimitedException;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The per-player submission limit (decisions S7): a Resilience4j rate limiter per player, {@code submissions-per-
 * minute} permits per minute, held in an expiring map so idle players cost no memory. Kept in the application,
 * per node, and never in Redis: submissions must work while Redis is down.
 */
@Component
class PerPlayerSubmissionLimiter implements SubmissionRateLimiter {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final RateLimiterConfig config;
    private final Cache<String, AtomicRateLimiter> limiters;

    PerPlayerSubmissionLimiter(SrsProperties properties) {
        this.config = RateLimiterConfig.custom()
                                       .limitForPeriod(properties.submissionsPerMinute())
                                       .limitRefreshPeriod(WINDOW)
                                       .timeoutDuration(Duration.ZERO)
                                       .build();
        this.limiters = Caffeine.newBuilder().expireAfterAccess(WINDOW.multipliedBy(2)).build();
    }

    @Override
    public void acquire(String playerId) {
        AtomicRateLimiter limiter = limiters.get(playerId, id -> new AtomicRateLimiter("submissions:" + id, config));
        if (!limiter.acquirePermission()) {
            throw new RateLimitedException("review-rate-limit",
                    "At most " + config.getLimitForPeriod() + " review submissions per minute; wait before sending "
                    + "more", SafeModeReadLimits.secondsToWait(limiter));
        }
    }
}
