package com.memora.infra.redis;

/**
 * The Redis keys of the review queues. {@code srs:{player}:{season}} is a sorted set of question ids scored by due
 * time in epoch seconds (whole seconds), plus one reserved member, {@value #APPLIED_MEMBER}, whose score encodes the
 * sequence number of the last submission the queue reflects as {@code -(sequence + 2)}: always negative, so it never
 * falls into a due range {@code [0, now]}, and no question id can collide with it ({@code #} is not allowed in ids).
 * Keeping it in the queue's own key makes the queue and what it reflects change together, atomically, and vanish
 * together (TTL, eviction, archiving by the pattern {@code srs:*:{season}}).
 */
final class ReviewQueueKeys {

    static final String PREFIX = "srs:";
    static final String ALL_QUEUES = PREFIX + "*";
    static final String APPLIED_MEMBER = "#applied";

    private ReviewQueueKeys() {
    }

    static String queue(String playerId, String seasonId) {
        return PREFIX + playerId + ":" + seasonId;
    }

    static String seasonPattern(String seasonId) {
        return PREFIX + "*:" + seasonId;
    }

    static double appliedScore(long sequence) {
        return -(sequence + 2);
    }

    static long appliedSequence(double score) {
        return (long) -score - 2;
    }
}
