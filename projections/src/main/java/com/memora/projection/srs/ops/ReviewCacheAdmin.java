package com.memora.projection.srs.ops;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Port: the review cache (Redis) as the operations see it, beyond what the queue projection and the reads do. The
 * queues keep their protocol (docs/srs.md): a queue is written whole, with its {@code #applied} marker, or not at all.
 * <p>
 * Every method but {@link #status()} may fail with
 * {@link com.memora.projection.srs.ReviewQueuesUnavailableException} when Redis fails or Safe Mode is on.
 */
public interface ReviewCacheAdmin {

    /**
     * Deletes every queue of the season ({@code srs:*:{season}}), scanning the keys in batches of 1,000 (never
     * {@code KEYS}) and deleting each batch at once.
     *
     * @param deletedSoFar told the running count after each batch
     * @return keys deleted
     */
    long deleteSeason(String seasonId, LongConsumer deletedSoFar);

    /**
     * Connection, Safe Mode, memory and key counts; answers even when Redis is down. The key counts come from a
     * {@code SCAN} of every queue key, so they are kept for a few seconds ({@code keysCountedAt} says when they were
     * counted): a dashboard polling it, or several open at once, does not scan Redis on every request.
     */
    CacheStatus status();

    /** The same, with the keys counted now (an operator asked; a job that acts on the counts). */
    CacheStatus freshStatus();

    /**
     * Writes each player's queue whole, replacing the queue there unless it reflects a newer submission than the
     * content given (then the queue projection keeps it complete, and it stays).
     *
     * @return per player, in order, whether the queue was written
     */
    List<Boolean> writeQueues(String seasonId, List<PlayerQueue> queues);

    /**
     * Compares each sampled tracker row with its player's queue and corrects a difference from the row, in one
     * atomic step per row: only when the queue reflects exactly the submission the row does, so a queue or a
     * tracker that is a moment behind the other is never "corrected" into the past.
     *
     * @return per card, in order, what was found
     */
    List<CheckOutcome> reconcile(List<SampledCard> cards);

    /**
     * @param appliedSequence the last submission the content reflects (-1: none); the queue's marker
     * @param dues            every question the player tracks in the season, with its due time
     */
    record PlayerQueue(String playerId, long appliedSequence, Map<String, Instant> dues) {
    }

    /** @param appliedSequence the last submission the tracker applied for this player (-1: none) */
    record SampledCard(String seasonId, String playerId, String questionId, Instant due, long appliedSequence) {
    }

    enum CheckOutcome {
        /** The player has no queue: not a discrepancy, a read builds it whole from the tracker (R6). */
        NO_QUEUE,
        /** Queue and tracker reflect different submissions right now (one projection is a moment behind). */
        IN_FLIGHT,
        MATCHED,
        /** The member was missing or its score was off by more than 1 s; it now holds the tracker's due time. */
        CORRECTED
    }

    /**
     * @param memoryUsedMb Redis's {@code used_memory} in MiB, two decimals; {@code null} when not connected
     * @param totalKeys    review queue keys ({@code srs:*}); {@code null} when not connected
     * @param keysBySeason  queue keys per season; empty when not connected
     * @param keysCountedAt when the keys were counted; {@code null} when not connected
     */
    record CacheStatus(boolean redisConnected, boolean safeMode, Double memoryUsedMb, Long totalKeys,
                       Map<String, Long> keysBySeason, Instant keysCountedAt) {
    }
}
