package com.memora.infra.redis;

import com.memora.infra.config.NodeProperties;
import com.memora.projection.srs.ReviewCacheRuns;
import com.memora.projection.srs.ReviewQueues;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNode;
import org.redisson.api.redisnode.RedisNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Decisions R6: when Redis comes back after a restart (a new {@code run_id}) every cached review queue is dropped,
 * and reads rebuild them one by one from the tracker. A Redis that restarts from its append-only file or a snapshot
 * would otherwise serve queues that missed the submissions made while it was away.
 * <p>
 * The run id last handled is kept in PostgreSQL ({@code srs_redis_run}, one row), not in Redis: nothing Redis does to
 * its own keys (an eviction under {@code allkeys-lru}, a {@code FLUSHALL}) can make a run look new. A node that sees a
 * new run id locks that row, checks again, drops the queues and records the run id in one transaction: the other nodes
 * wait on the row and then find the run handled; a node that dies half-way leaves the run unhandled, so the next check
 * drops again. Cache rebuilds ask through {@link ReviewCacheRuns} before each batch of queues, so a drop never
 * silently removes what a rebuild has written (the rebuild starts over instead).
 */
@Component
public class RedisRestartDetector implements ReviewCacheRuns {

    private static final Logger log = LoggerFactory.getLogger(RedisRestartDetector.class);

    private final RedissonClient redisson;
    private final ReviewQueues queues;
    private final CircuitBreaker breaker;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String nodeId;

    RedisRestartDetector(RedissonClient redisson, ReviewQueues queues, CircuitBreaker reviewQueuesCircuitBreaker,
                         JdbcClient jdbc, TransactionTemplate transactions, Clock clock, NodeProperties node) {
        this.redisson = redisson;
        this.queues = queues;
        this.breaker = reviewQueuesCircuitBreaker;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.nodeId = node.nodeId();
    }

    /**
     * Compares Redis's run id with the one last handled and drops every queue when they differ.
     *
     * @return the number of queues dropped by this call (0 when Redis did not restart, or another node handled it)
     */
    public long check() {
        return handle(runId());
    }

    @Override
    public String currentRun() {
        String runId = runId();
        handle(runId);
        return runId;
    }

    private String runId() {
        return ReviewQueueCalls.through(breaker, () -> {
            Map<String, String> server = redisson.getRedisNodes(RedisNodes.SINGLE).getInstance()
                                                 .info(RedisNode.InfoSection.SERVER);
            return server.get("run_id");
        });
    }

    /** @return queues dropped */
    private long handle(String runId) {
        if (runId == null || runId.equals(handledRunId(false))) {
            return 0;
        }
        Long dropped = transactions.execute(status -> {
            String previous = handledRunId(true); // waits while another node drops the queues of this run
            if (runId.equals(previous)) {
                return 0L;
            }
            long unlinked = queues.dropAll();
            jdbc.sql("update srs_redis_run set run_id = ?, handled_at = ?, handled_by = ? where id = 1")
                .params(runId, clock.instant().atOffset(ZoneOffset.UTC), nodeId).update();
            if (previous == null) {
                log.info("Redis run id {} recorded; {} review queue(s) of unknown age dropped", runId, unlinked);
            } else {
                log.warn("Redis restarted (run id {} -> {}): dropped {} cached review queue(s); reads rebuild them",
                         previous, runId, unlinked);
            }
            return unlinked;
        });
        return dropped == null ? 0 : dropped;
    }

    private String handledRunId(boolean lock) {
        return jdbc.sql("select run_id from srs_redis_run where id = 1" + (lock ? " for update" : ""))
                   .query(String.class).optional().orElse(null);
    }
}
