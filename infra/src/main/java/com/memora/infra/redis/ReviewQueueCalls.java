package com.memora.infra.redis;

import com.memora.projection.srs.ReviewQueuesUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.redisson.client.RedisException;

import java.util.function.Supplier;

/**
 * A Redis call of the review queues through their circuit breaker (Safe Mode, decisions S4): a failure, or the
 * breaker refusing to try while open, becomes the ports' {@link ReviewQueuesUnavailableException}.
 */
final class ReviewQueueCalls {

    private ReviewQueueCalls() {
    }

    static <T> T through(CircuitBreaker breaker, Supplier<T> redisCall) {
        try {
            return breaker.executeSupplier(redisCall);
        } catch (CallNotPermittedException e) {
            throw new ReviewQueuesUnavailableException("Safe Mode: Redis failed recently and is tried again shortly",
                                                       e);
        } catch (RedisException e) {
            throw new ReviewQueuesUnavailableException("Redis failed: " + e.getMessage(), e);
        }
    }
}
