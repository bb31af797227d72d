package com.memora.infra.redis;

import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.context.ApplicationContext;

/**
 * Puts a wrong due time straight into a player's review queue, as a fault of the cache would (a lost write, a stray
 * client): for tests and benchmarks of reconciliation, which must find and repair it. Lives in infra, next to the
 * keys' layout, so that nothing outside infra names Redis.
 */
public final class ReviewCacheFaults {

    private final RedissonClient redisson;

    private ReviewCacheFaults(RedissonClient redisson) {
        this.redisson = redisson;
    }

    public static ReviewCacheFaults of(ApplicationContext service) {
        return new ReviewCacheFaults(service.getBean(RedissonClient.class));
    }

    /** The question is due at this epoch second in the player's queue, whatever the tracker says. */
    public void corruptDue(String playerId, String seasonId, String questionId, long dueEpochSecond) {
        redisson.getScoredSortedSet(ReviewQueueKeys.queue(playerId, seasonId), StringCodec.INSTANCE)
                .add(dueEpochSecond, questionId);
    }
}
