package com.memora.projection.srs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Port to the review queues: one sorted set per player and season (Redis key {@code srs:{player}:{season}}, member =
 * question id, score = due time in epoch seconds), each knowing the sequence of the last submission it reflects. A
 * queue is complete or absent, never partial (decisions R6): it is built whole from the tracker, updated only while
 * it exists and only in sequence; a gap drops it, to be rebuilt on the next read.
 * <p>
 * Every method may fail with {@link ReviewQueuesUnavailableException}: Redis failed, or it failed recently and is
 * not tried again until a short wait is over (Safe Mode, decisions S4).
 */
public interface ReviewQueues {

    /** Applies a submission's new due times to the queue, if the queue exists. */
    QueueUpdate update(String playerId, String seasonId, long sequence, Map<String, Instant> dues);

    /** Up to {@code limit} questions due at {@code now}, most overdue first; empty when the queue does not exist. */
    Optional<DuePage> due(String playerId, String seasonId, Instant now, int limit);

    /** The sequence the queue reflects; empty when the queue does not exist. */
    OptionalLong appliedSequence(String playerId, String seasonId);

    /**
     * Builds the queue whole, unless it exists already (another reader or node was first).
     *
     * @return whether this call built it
     */
    boolean build(String playerId, String seasonId, long appliedSequence, Map<String, Instant> dues);

    /**
     * Drops the queue if it reflects less than {@code sequence}: a queue built from a tracker that was behind the
     * player's events may have missed submissions whose updates found no queue.
     */
    void dropIfBehind(String playerId, String seasonId, long sequence);

    /** Drops every queue of every season (a replay, or Redis restarted from older data, R6). */
    long dropAll();

    /** True while Redis failed recently and is not tried (Safe Mode, decisions S4); answers without calling Redis. */
    boolean inSafeMode();

    enum QueueUpdate {
        /** No queue: nothing to do, the next read builds it from the tracker. */
        NO_QUEUE,
        /** The queue already reflects this submission (a redelivery or a replay). */
        ALREADY_APPLIED,
        APPLIED,
        /** The queue missed an earlier submission; it was dropped so the next read rebuilds it complete. */
        DROPPED
    }

    /** @param totalDue every question due at that time, not only those returned */
    record DuePage(List<QueuedQuestion> questions, long totalDue, long appliedSequence) {
    }

    record QueuedQuestion(String questionId, Instant due) {
    }
}
