package com.memora.infra.redis;

import com.memora.infra.config.NodeProperties;
import com.memora.infra.srs.SrsProperties;
import com.memora.kernel.ops.Alert;
import com.memora.kernel.ops.AlertSeverity;
import com.memora.kernel.ops.Alerts;
import com.memora.projection.srs.ReviewQueueProjection;
import com.memora.projection.srs.ReviewQueues;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import org.axonframework.config.EventProcessingConfiguration;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.client.RedisConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Safe Mode's comings and goings (decisions S4, R6). When the review-queue circuit breaker opens, administrators
 * get a notification; when it closes again they get another, the node checks whether Redis restarted (and drops
 * the cached queues if it did), and the queue updates parked during the outage are applied at once rather than at
 * the dead-letter retrier's next round. Notifications are de-duplicated by the alert store, so a flapping Redis
 * does not flood anyone.
 * <p>
 * Without traffic nobody would try Redis again, so {@link #probe()} does it every few seconds (per node: each node
 * has its own breaker, so no cluster lock).
 */
@Component
public class SafeModeMonitor implements DisposableBean {

    public static final String STARTED = "srs-safe-mode";
    public static final String ENDED = "srs-safe-mode-ended";
    private static final Logger log = LoggerFactory.getLogger(SafeModeMonitor.class);
    private static final int MAX_PARKED_SEQUENCES_PER_RECOVERY = 10_000;

    private final CircuitBreaker breaker;
    private final Alerts alerts;
    private final RedisRestartDetector restarts;
    private final EventProcessingConfiguration processing;
    private final RedissonClient redisson;
    private final ReviewQueues queues;
    private final String nodeId;
    private final SrsProperties.SafeMode limits;
    private final ExecutorService recovery = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "safe-mode-recovery");
        thread.setDaemon(true);
        return thread;
    });

    SafeModeMonitor(CircuitBreaker reviewQueuesCircuitBreaker, Alerts alerts, RedisRestartDetector restarts,
                    EventProcessingConfiguration processing, RedissonClient redisson, ReviewQueues queues,
                    NodeProperties node, SrsProperties properties) {
        this.breaker = reviewQueuesCircuitBreaker;
        this.alerts = alerts;
        this.restarts = restarts;
        this.processing = processing;
        this.redisson = redisson;
        this.queues = queues;
        this.nodeId = node.nodeId();
        this.limits = properties.safeMode();
        breaker.getEventPublisher().onStateTransition(this::onTransition);
    }

    private void onTransition(CircuitBreakerOnStateTransitionEvent event) {
        CircuitBreaker.State from = event.getStateTransition().getFromState();
        CircuitBreaker.State to = event.getStateTransition().getToState();
        if (from == CircuitBreaker.State.CLOSED && (to == CircuitBreaker.State.OPEN
                                                    || to == CircuitBreaker.State.FORCED_OPEN)) {
            log.warn("Safe Mode on: Redis is failing; review reads come from PostgreSQL");
            alerts.resolve(ENDED + ":" + nodeId);
            alerts.raise(new Alert(STARTED, AlertSeverity.WARNING, nodeId,
                                   "Safe Mode started on node " + nodeId + ": Redis is unreachable. Review reads come "
                                   + "from PostgreSQL, marked is_degraded, at most " + limits.requestsPerMinutePerNode()
                                   + " per minute on this node and one per player per "
                                   + limits.perPlayerInterval().toSeconds() + " s (429 beyond). Review submissions "
                                   + "are not affected.", STARTED + ":" + nodeId));
        } else if (to == CircuitBreaker.State.CLOSED && from != CircuitBreaker.State.DISABLED) {
            log.info("Safe Mode off: Redis answers again");
            alerts.resolve(STARTED + ":" + nodeId); // the next outage is mailed at once
            alerts.raise(new Alert(ENDED, AlertSeverity.INFO, nodeId,
                                   "Safe Mode ended on node " + nodeId + ": Redis answers again and review reads use "
                                   + "the queues.", ENDED + ":" + nodeId));
            recovery.execute(this::recover);
        }
    }

    /** After an outage: drop the queues if Redis restarted, then apply the queue updates parked meanwhile. */
    void recover() {
        try {
            restarts.check();
            processing.sequencedDeadLetterProcessor(ReviewQueueProjection.PROCESSING_GROUP).ifPresent(parked -> {
                int processed = 0;
                while (processed < MAX_PARKED_SEQUENCES_PER_RECOVERY && parked.processAny()) {
                    processed++;
                }
                if (processed > 0) {
                    log.info("Applied {} parked review-queue update sequence(s) after Safe Mode", processed);
                }
            });
        } catch (RuntimeException e) {
            log.warn("Recovery after Safe Mode did not finish ({}); the dead-letter retrier and the probe go on",
                     e.toString());
        }
    }

    /**
     * Tries Redis when Safe Mode is on (a success ends it) and checks for a restart otherwise. Failures are only
     * logged: Safe Mode is the answer to them.
     */
    @Scheduled(fixedDelayString = "${memora.srs.safe-mode.probe-interval:PT5S}",
               initialDelayString = "${memora.srs.safe-mode.probe-interval:PT5S}")
    public void probe() {
        try {
            if (queues.inSafeMode()) {
                breaker.executeRunnable(() -> {
                    if (!redisson.getRedisNodes(RedisNodes.SINGLE).pingAll(1, TimeUnit.SECONDS)) {
                        throw new RedisConnectionException("Redis did not answer PING within 1 s");
                    }
                });
            } else {
                restarts.check();
            }
        } catch (RuntimeException e) {
            log.debug("Redis probe failed: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        recovery.shutdownNow();
    }
}
