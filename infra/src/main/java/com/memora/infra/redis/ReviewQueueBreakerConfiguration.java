package com.memora.infra.redis;

import com.memora.infra.srs.SrsProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.redisson.client.RedisException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The circuit breaker in front of the review queues (decisions S4). Open = Safe Mode: it opens when
 * {@code failures-to-open} of the last calls failed (two by default, so within a few calls of an outage), stays
 * open {@code retry-redis-after}, then lets one call through; a success closes it and normal mode resumes by itself.
 * It runs on the service clock, so tests move time instead of waiting.
 */
@Configuration(proxyBeanMethods = false)
public class ReviewQueueBreakerConfiguration {

    public static final String BREAKER = "srs-review-queues";

    @Bean
    CircuitBreakerRegistry circuitBreakerRegistry(MeterRegistry meters) {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        return registry;
    }

    /** Safe Mode's per-node read limiter lives here (see {@code SafeModeReadLimits}), with its metrics. */
    @Bean
    RateLimiterRegistry rateLimiterRegistry(MeterRegistry meters) {
        RateLimiterRegistry registry = RateLimiterRegistry.ofDefaults();
        TaggedRateLimiterMetrics.ofRateLimiterRegistry(registry).bindTo(meters);
        return registry;
    }

    @Bean
    CircuitBreaker reviewQueuesCircuitBreaker(CircuitBreakerRegistry registry, SrsProperties properties,
                                              Clock clock) {
        SrsProperties.SafeMode safeMode = properties.safeMode();
        int failures = safeMode.failuresToOpen();
        return registry.circuitBreaker(BREAKER, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(2 * failures)
                .minimumNumberOfCalls(failures)
                .failureRateThreshold(50)
                .recordException(e -> e instanceof RedisException)
                .waitDurationInOpenState(safeMode.retryRedisAfter())
                .permittedNumberOfCallsInHalfOpenState(1)
                .clock(clock)
                .build());
    }
}
