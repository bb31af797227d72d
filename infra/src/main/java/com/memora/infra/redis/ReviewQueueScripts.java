package com.memora.infra.redis;

/**
 * The review queues' Lua scripts: each runs atomically in Redis, so a queue is never seen half-updated. Members are
 * added in chunks of 1,000 (Lua's {@code unpack} limit); arguments after the fixed ones are score/member pairs.
 */
final class ReviewQueueScripts {

    /** KEYS[1] queue; ARGV[1] sequence; then pairs. 0 no queue, 1 already applied, 2 applied, 3 gap → dropped. */
    static final String UPDATE = """
            local marker = redis.call('ZSCORE', KEYS[1], '#applied')
            if not marker then return 0 end
            local applied = -tonumber(marker) - 2
            local sequence = tonumber(ARGV[1])
            if sequence <= applied then return 1 end
            if sequence > applied + 1 then
                redis.call('DEL', KEYS[1])
                return 3
            end
            for i = 2, #ARGV, 2000 do
                redis.call('ZADD', KEYS[1], unpack(ARGV, i, math.min(i + 1999, #ARGV)))
            end
            redis.call('ZADD', KEYS[1], -(sequence + 2), '#applied')
            return 2
            """;

    /**
     * KEYS[1] queue; ARGV[1] now (epoch seconds); ARGV[2] limit; ARGV[3] TTL seconds. Nil when there is no queue
     * (a key without the marker is not one of ours: it is dropped); else {marker score, due count, {id, score, …}}.
     * Refreshes the TTL when less than half of it is left, so queues of players who keep reading stay.
     */
    static final String DUE = """
            local marker = redis.call('ZSCORE', KEYS[1], '#applied')
            if not marker then
                redis.call('DEL', KEYS[1])
                return nil
            end
            local due = redis.call('ZRANGEBYSCORE', KEYS[1], 0, ARGV[1], 'WITHSCORES', 'LIMIT', 0, ARGV[2])
            local total = redis.call('ZCOUNT', KEYS[1], 0, ARGV[1])
            if redis.call('TTL', KEYS[1]) < tonumber(ARGV[3]) / 2 then
                redis.call('EXPIRE', KEYS[1], ARGV[3])
            end
            return {marker, total, due}
            """;

    /** KEYS[1] queue; ARGV[1] marker score; ARGV[2] TTL seconds; then pairs. 1 built, 0 it existed already. */
    static final String BUILD = """
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            for i = 3, #ARGV, 2000 do
                redis.call('ZADD', KEYS[1], unpack(ARGV, i, math.min(i + 1999, #ARGV)))
            end
            redis.call('ZADD', KEYS[1], ARGV[1], '#applied')
            redis.call('EXPIRE', KEYS[1], ARGV[2])
            return 1
            """;

    /** KEYS[1] queue; ARGV[1] sequence. Drops the queue if its marker is below the sequence; 1 when dropped. */
    static final String DROP_IF_BEHIND = """
            local marker = redis.call('ZSCORE', KEYS[1], '#applied')
            if marker and -tonumber(marker) - 2 < tonumber(ARGV[1]) then
                redis.call('DEL', KEYS[1])
                return 1
            end
            return 0
            """;

    private ReviewQueueScripts() {
    }
}
