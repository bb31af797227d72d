package com.memora.infra.redis;

import com.memora.infra.srs.SrsProperties;
import com.memora.projection.srs.ReviewQueues;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.memora.projection.srs.ops.ReviewCacheAdmin;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RKeys;
import org.redisson.api.RScript;
import org.redisson.api.RScriptAsync;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNode;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The review cache for the operations, through Redisson. Keys are scanned with {@code SCAN} in batches of 1,000
 * (never {@code KEYS}); rebuilt queues are written with one pipelined script call per player; reconciliation checks
 * and corrects a batch of rows in one script. Everything but the status goes through the review-queue circuit
 * breaker, like every other Redis call of the queues (Safe Mode, decisions S4).
 * <p>
 * The multi-key reconciliation script assumes one Redis (or a primary with replicas), as the rest of the queues do;
 * a Redis Cluster would need hash tags in the keys.
 */
@Component
class RedisReviewCacheAdmin implements ReviewCacheAdmin {

    static final int SCAN_BATCH = 1_000;
    /** How long the SCAN-based key counts of the status are reused. */
    static final Duration COUNTS_KEPT_FOR = Duration.ofSeconds(5);
    private static final double MIB = 1024.0 * 1024.0;
    private static final Logger log = LoggerFactory.getLogger(RedisReviewCacheAdmin.class);

    private final RedissonClient redisson;
    private final CircuitBreaker breaker;
    private final ReviewQueues queues;
    private final long ttlSeconds;
    private final Clock clock;
    /** One entry: the latest key counts, for {@link #COUNTS_KEPT_FOR} (real time: it spares Redis, not a rule). */
    private final Cache<Boolean, KeyCounts> keyCounts = Caffeine.newBuilder().expireAfterWrite(COUNTS_KEPT_FOR)
                                                                .maximumSize(1).build();

    RedisReviewCacheAdmin(RedissonClient redisson, CircuitBreaker reviewQueuesCircuitBreaker, ReviewQueues queues,
                          SrsProperties properties, Clock clock) {
        this.clock = clock;
        this.redisson = redisson;
        this.breaker = reviewQueuesCircuitBreaker;
        this.queues = queues;
        this.ttlSeconds = properties.queueTtl().toSeconds();
    }

    @Override
    public long deleteSeason(String seasonId, LongConsumer deletedSoFar) {
        return call(() -> {
            RKeys keys = redisson.getKeys();
            long deleted = 0;
            List<String> batch = new ArrayList<>(SCAN_BATCH);
            for (String key : keys.getKeysByPattern(ReviewQueueKeys.seasonPattern(seasonId), SCAN_BATCH)) {
                batch.add(key);
                if (batch.size() == SCAN_BATCH) {
                    deleted += keys.unlink(batch.toArray(String[]::new));
                    batch.clear();
                    deletedSoFar.accept(deleted);
                }
            }
            if (!batch.isEmpty()) {
                deleted += keys.unlink(batch.toArray(String[]::new));
                deletedSoFar.accept(deleted);
            }
            return deleted;
        });
    }

    /** Called straight, not through the breaker: the status must tell the truth even while Safe Mode is on. */
    @Override
    public CacheStatus status() {
        return status(false);
    }

    @Override
    public CacheStatus freshStatus() {
        return status(true);
    }

    /** Connection and memory are asked every time (cheap, and must be current); the key counts are kept briefly. */
    private CacheStatus status(boolean fresh) {
        boolean safeMode = queues.inSafeMode();
        try {
            RedisNode node = redisson.getRedisNodes(RedisNodes.SINGLE).getInstance();
            if (!node.ping(1, TimeUnit.SECONDS)) {
                return new CacheStatus(false, safeMode, null, null, Map.of(), null);
            }
            String usedMemory = node.info(RedisNode.InfoSection.MEMORY).get("used_memory");
            Double memoryMb = usedMemory == null ? null : Math.round(Long.parseLong(usedMemory) / MIB * 100) / 100.0;
            if (fresh) {
                keyCounts.invalidateAll();
            }
            KeyCounts counts = keyCounts.get(Boolean.TRUE, ignored -> countKeys());
            return new CacheStatus(true, safeMode, memoryMb, counts.total(), counts.bySeason(), counts.countedAt());
        } catch (RuntimeException e) { // whatever Redis did, the status says "not connected"
            log.debug("Cache status: Redis is not reachable ({})", e.toString());
            return new CacheStatus(false, safeMode, null, null, Map.of(), null);
        }
    }

    /** SCANs every queue key, in batches of 1,000 (never {@code KEYS}). */
    private KeyCounts countKeys() {
        Map<String, Long> bySeason = new TreeMap<>();
        long total = 0;
        for (String key : redisson.getKeys().getKeysByPattern(ReviewQueueKeys.ALL_QUEUES, SCAN_BATCH)) {
            total++;
            bySeason.merge(key.substring(key.lastIndexOf(':') + 1), 1L, Long::sum);
        }
        return new KeyCounts(total, Collections.unmodifiableMap(bySeason), clock.instant());
    }

    private record KeyCounts(long total, Map<String, Long> bySeason, Instant countedAt) {
    }

    @Override
    public List<Boolean> writeQueues(String seasonId, List<PlayerQueue> playerQueues) {
        if (playerQueues.isEmpty()) {
            return List.of();
        }
        RBatch batch = redisson.createBatch(BatchOptions.defaults());
        RScriptAsync script = batch.getScript(StringCodec.INSTANCE);
        List<RFuture<Long>> outcomes = new ArrayList<>(playerQueues.size());
        for (PlayerQueue queue : playerQueues) {
            List<Object> arguments = new ArrayList<>(3 + 2 * queue.dues().size());
            arguments.add(Long.toString(queue.appliedSequence()));
            arguments.add(Double.toString(ReviewQueueKeys.appliedScore(queue.appliedSequence())));
            arguments.add(Long.toString(ttlSeconds));
            queue.dues().forEach((questionId, due) -> {
                arguments.add(Long.toString(due.getEpochSecond()));
                arguments.add(questionId);
            });
            outcomes.add(script.evalAsync(RScript.Mode.READ_WRITE, ReviewCacheScripts.REPLACE, RScript.ReturnType.LONG,
                                          List.of(ReviewQueueKeys.queue(queue.playerId(), seasonId)),
                                          arguments.toArray()));
        }
        call(batch::execute);
        return outcomes.stream().map(outcome -> outcome.toCompletableFuture().join() == 1).toList();
    }

    @Override
    public List<CheckOutcome> reconcile(List<SampledCard> cards) {
        if (cards.isEmpty()) {
            return List.of();
        }
        List<Object> keys = new ArrayList<>(cards.size());
        List<Object> arguments = new ArrayList<>(3 * cards.size());
        for (SampledCard card : cards) {
            keys.add(ReviewQueueKeys.queue(card.playerId(), card.seasonId()));
            arguments.add(card.questionId());
            arguments.add(Long.toString(card.due().getEpochSecond()));
            arguments.add(Long.toString(card.appliedSequence()));
        }
        String digits = call(() -> redisson.getScript(StringCodec.INSTANCE)
                                           .eval(RScript.Mode.READ_WRITE, ReviewCacheScripts.RECONCILE,
                                                 RScript.ReturnType.STRING, keys, arguments.toArray()));
        List<CheckOutcome> outcomes = new ArrayList<>(cards.size());
        for (int i = 0; i < digits.length(); i++) {
            outcomes.add(switch (digits.charAt(i)) {
                case '0' -> CheckOutcome.NO_QUEUE;
                case '1' -> CheckOutcome.IN_FLIGHT;
                case '2' -> CheckOutcome.MATCHED;
                default -> CheckOutcome.CORRECTED;
            });
        }
        return outcomes;
    }

    private <T> T call(Supplier<T> redisCall) {
        return ReviewQueueCalls.through(breaker, redisCall);
    }
}
