package com.memora.infra.testsupport;

import com.memora.infra.redis.SafeModeMonitor;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.redisson.api.RedissonClient;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * Redis taken away and given back in tests, leaving a clean state for the next test whatever happened. After a
 * restart the client's pooled connections to the old server fail once each: used once here, they fail here and not
 * in the code under test, nor in a later test class where they would count towards the review-queue circuit breaker
 * (Safe Mode on, {@code memora_srs_safe_mode} 1, reads degraded).
 */
public class RedisRecovery {

    private static final int POOLED_CONNECTIONS_TO_USE = 40; // more than the client's pool (32)

    private final RedissonClient redisson;
    private final CircuitBreaker reviewQueuesCircuitBreaker;
    private final SafeModeMonitor safeMode;
    private final MutableClock clock;

    RedisRecovery(RedissonClient redisson, CircuitBreaker reviewQueuesCircuitBreaker, SafeModeMonitor safeMode,
                  MutableClock clock) {
        this.redisson = redisson;
        this.reviewQueuesCircuitBreaker = reviewQueuesCircuitBreaker;
        this.safeMode = safeMode;
        this.clock = clock;
    }

    /** A real Redis restart (new run id, empty), its stale pooled connections used up before it returns. */
    public void restartRedis() {
        TestServers.get().interruptRedis();
        TestServers.get().resumeRedis();
        useEveryPooledConnection();
    }

    /**
     * Redis up, every pooled connection working, and Safe Mode over: the breaker closed (probed on the test clock)
     * with no failure of this test counted towards the next one's.
     */
    public void endOutage() {
        TestServers.get().resumeRedis();
        useEveryPooledConnection();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            if (reviewQueuesCircuitBreaker.getState() == CircuitBreaker.State.CLOSED) {
                return true;
            }
            clock.advance(Duration.ofSeconds(10));
            safeMode.probe();
            return reviewQueuesCircuitBreaker.getState() == CircuitBreaker.State.CLOSED;
        });
        if (reviewQueuesCircuitBreaker.getMetrics().getNumberOfFailedCalls() > 0) {
            reviewQueuesCircuitBreaker.reset();
        }
    }

    private void useEveryPooledConnection() {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            for (int i = 0; i < POOLED_CONNECTIONS_TO_USE; i++) {
                redisson.getKeys().countExists("srs-test:warm-up");
            }
            return true;
        });
    }
}
