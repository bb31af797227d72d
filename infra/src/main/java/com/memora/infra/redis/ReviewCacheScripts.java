package com.memora.infra.redis;

/**
 * The operations' Lua scripts on the review queues (see {@link ReviewQueueScripts} for the queue format). Each runs
 * atomically, so a rebuild or a correction never interleaves with a queue update of the projection.
 */
final class ReviewCacheScripts {

    /**
     * KEYS[1] queue; ARGV[1] the sequence the content reflects; ARGV[2] its marker score; ARGV[3] TTL seconds; then
     * score/member pairs. Writes the queue whole, replacing what is there, unless the queue reflects a newer
     * submission already (it is then complete and newer: it stays). 1 written, 0 kept.
     */
    static final String REPLACE = """
            local marker = redis.call('ZSCORE', KEYS[1], '#applied')
            if marker and -tonumber(marker) - 2 > tonumber(ARGV[1]) then return 0 end
            redis.call('DEL', KEYS[1])
            for i = 4, #ARGV, 2000 do
                redis.call('ZADD', KEYS[1], unpack(ARGV, i, math.min(i + 1999, #ARGV)))
            end
            redis.call('ZADD', KEYS[1], ARGV[2], '#applied')
            redis.call('EXPIRE', KEYS[1], ARGV[3])
            return 1
            """;

    /**
     * KEYS = queues (one per sampled row); ARGV = per row: member, the tracker's due (epoch seconds), the tracker's
     * sequence. Per row one digit: 0 no queue, 1 the queue reflects another submission (left alone), 2 matches
     * within 1 s, 3 was missing or off by more than 1 s and now holds the tracker's due.
     */
    static final String RECONCILE = """
            local out = {}
            for k = 1, #KEYS do
                local member = ARGV[3 * k - 2]
                local expected = tonumber(ARGV[3 * k - 1])
                local marker = redis.call('ZSCORE', KEYS[k], '#applied')
                if not marker then
                    out[k] = '0'
                elseif -tonumber(marker) - 2 ~= tonumber(ARGV[3 * k]) then
                    out[k] = '1'
                else
                    local score = redis.call('ZSCORE', KEYS[k], member)
                    if score and math.abs(tonumber(score) - expected) <= 1 then
                        out[k] = '2'
                    else
                        redis.call('ZADD', KEYS[k], expected, member)
                        out[k] = '3'
                    end
                end
            end
            return table.concat(out)
            """;

    private ReviewCacheScripts() {
    }
}
