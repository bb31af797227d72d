package com.memora.infra.redis;

import com.memora.infra.srs.SrsProperties;
import com.memora.projection.srs.ReviewQueues;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The review queues in Redis through Redisson (keys and encoding: {@link ReviewQueueKeys}). Every call goes through
 * the review-queue circuit breaker: after a couple of failed calls Redis is not tried for a few seconds (Safe Mode,
 * decisions S4), so a Redis outage costs the first callers one short client timeout, not every request.
 */
@Component
public class RedisReviewQueues implements ReviewQueues {

    private final RScript scripts;
    private final RedissonClient redisson;
    private final CircuitBreaker breaker;
    private final long ttlSeconds;

    RedisReviewQueues(RedissonClient redisson, CircuitBreaker reviewQueuesCircuitBreaker, SrsProperties properties) {
        this.redisson = redisson;
        this.scripts = redisson.getScript(StringCodec.INSTANCE);
        this.breaker = reviewQueuesCircuitBreaker;
        this.ttlSeconds = properties.queueTtl().toSeconds();
    }

    @Override
    public QueueUpdate update(String playerId, String seasonId, long sequence, Map<String, Instant> dues) {
        List<Object> arguments = new ArrayList<>(1 + 2 * dues.size());
        arguments.add(Long.toString(sequence));
        addPairs(arguments, dues);
        Long outcome = call(() -> scripts.eval(RScript.Mode.READ_WRITE, ReviewQueueScripts.UPDATE,
                                               RScript.ReturnType.LONG,
                                               List.of(ReviewQueueKeys.queue(playerId, seasonId)),
                                               arguments.toArray()));
        return switch (outcome.intValue()) {
            case 0 -> QueueUpdate.NO_QUEUE;
            case 1 -> QueueUpdate.ALREADY_APPLIED;
            case 2 -> QueueUpdate.APPLIED;
            default -> QueueUpdate.DROPPED;
        };
    }

    @Override
    public Optional<DuePage> due(String playerId, String seasonId, Instant now, int limit) {
        List<Object> reply = call(() -> scripts.eval(RScript.Mode.READ_WRITE, ReviewQueueScripts.DUE,
                                                     RScript.ReturnType.LIST,
                                                     List.of(ReviewQueueKeys.queue(playerId, seasonId)),
                                                     Long.toString(now.getEpochSecond()), Integer.toString(limit),
                                                     Long.toString(ttlSeconds)));
        if (reply == null || reply.isEmpty()) {
            return Optional.empty();
        }
        long applied = ReviewQueueKeys.appliedSequence(Double.parseDouble(String.valueOf(reply.get(0))));
        long total = ((Number) reply.get(1)).longValue();
        List<?> flat = (List<?>) reply.get(2);
        List<QueuedQuestion> questions = new ArrayList<>(flat.size() / 2);
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            long epochSecond = (long) Double.parseDouble(String.valueOf(flat.get(i + 1)));
            questions.add(new QueuedQuestion(String.valueOf(flat.get(i)), Instant.ofEpochSecond(epochSecond)));
        }
        return Optional.of(new DuePage(questions, total, applied));
    }

    @Override
    public OptionalLong appliedSequence(String playerId, String seasonId) {
        Double score = call(() -> redisson.getScoredSortedSet(ReviewQueueKeys.queue(playerId, seasonId),
                                                              StringCodec.INSTANCE)
                                          .getScore(ReviewQueueKeys.APPLIED_MEMBER));
        return score == null ? OptionalLong.empty() : OptionalLong.of(ReviewQueueKeys.appliedSequence(score));
    }

    @Override
    public boolean build(String playerId, String seasonId, long appliedSequence, Map<String, Instant> dues) {
        List<Object> arguments = new ArrayList<>(2 + 2 * dues.size());
        arguments.add(Double.toString(ReviewQueueKeys.appliedScore(appliedSequence)));
        arguments.add(Long.toString(ttlSeconds));
        addPairs(arguments, dues);
        Long built = call(() -> scripts.eval(RScript.Mode.READ_WRITE, ReviewQueueScripts.BUILD,
                                             RScript.ReturnType.LONG,
                                             List.of(ReviewQueueKeys.queue(playerId, seasonId)),
                                             arguments.toArray()));
        return built == 1;
    }

    @Override
    public void dropIfBehind(String playerId, String seasonId, long sequence) {
        call(() -> scripts.eval(RScript.Mode.READ_WRITE, ReviewQueueScripts.DROP_IF_BEHIND, RScript.ReturnType.LONG,
                                List.of(ReviewQueueKeys.queue(playerId, seasonId)), Long.toString(sequence)));
    }

    @Override
    public long dropAll() {
        return call(() -> redisson.getKeys().unlinkByPattern(ReviewQueueKeys.ALL_QUEUES));
    }

    @Override
    public boolean inSafeMode() {
        return switch (breaker.getState()) {
            case OPEN, HALF_OPEN, FORCED_OPEN -> true;
            default -> false;
        };
    }

    private static void addPairs(List<Object> arguments, Map<String, Instant> dues) {
        dues.forEach((questionId, due) -> {
            arguments.add(Long.toString(due.getEpochSecond()));
            arguments.add(questionId);
        });
    }

    private <T> T call(Supplier<T> redisCall) {
        return ReviewQueueCalls.through(breaker, redisCall);
    }
}
