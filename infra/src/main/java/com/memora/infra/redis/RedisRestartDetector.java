package com.memora.infra.redis;

import com.memora.projection.srs.ReviewQueues;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNode;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Decisions R6: when Redis comes back after a restart (a new {@code run_id}) every cached review queue is dropped,
 * and reads rebuild them one by one from the tracker. A Redis that restarts from its append-only file or a snapshot
 * would otherwise serve queues that missed the submissions made while it was away.
 * <p>
 * The run id last handled is kept in Redis itself ({@value #HANDLED_RUN_ID}), so the nodes agree: the first node
 * that sees a new run id drops the queues and records it; the others then find nothing to do. A restarted Redis
 * that kept its data also kept the old run id in that key, which is exactly what gives the restart away.
 */
@Component
public class RedisRestartDetector {

    static final String HANDLED_RUN_ID = "srs-meta:run-id";
    private static final Logger log = LoggerFactory.getLogger(RedisRestartDetector.class);

    private final RedissonClient redisson;
    private final ReviewQueues queues;
    private final CircuitBreaker breaker;

    RedisRestartDetector(RedissonClient redisson, ReviewQueues queues, CircuitBreaker reviewQueuesCircuitBreaker) {
        this.redisson = redisson;
        this.queues = queues;
        this.breaker = reviewQueuesCircuitBreaker;
    }

    /**
     * Compares Redis's run id with the one last handled and drops every queue when they differ.
     *
     * @return the number of queues dropped (0 when Redis did not restart)
     */
    public long check() {
        String runId = breaker.executeSupplier(() -> {
            Map<String, String> server = redisson.getRedisNodes(RedisNodes.SINGLE).getInstance()
                                                 .info(RedisNode.InfoSection.SERVER);
            return server.get("run_id");
        });
        RBucket<String> handled = redisson.getBucket(HANDLED_RUN_ID, StringCodec.INSTANCE);
        String previous = breaker.executeSupplier(handled::get);
        if (runId == null || runId.equals(previous)) {
            return 0;
        }
        long dropped = queues.dropAll();
        breaker.executeRunnable(() -> handled.set(runId));
        if (previous == null) {
            log.info("Redis run id {} recorded; {} review queue(s) of unknown age dropped", runId, dropped);
        } else {
            log.warn("Redis restarted (run id {} -> {}): dropped {} cached review queue(s); reads rebuild them",
                     previous, runId, dropped);
        }
        return dropped;
    }
}
