package com.memora.projection.srs;

import com.memora.kernel.srs.ReviewedQuestion;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Port to the review tracker: one row per player, season and question (a table LIST-partitioned by season,
 * decisions S5), plus, per player and season, the sequence number of the last submission applied — the tracker's
 * side of the consistency token (R5).
 */
public interface TrackerStore {

    /**
     * Stores the questions' memory as of the player's event {@code sequence}. Rows already at that sequence or later
     * are left alone, so a redelivered or replayed event changes nothing. Each question appears once.
     */
    void apply(String playerId, String seasonId, long sequence, Collection<ReviewedQuestion> questions);

    /** Empties the tracker (every season's partition stays). */
    void deleteAll();

    /** The sequence of the player's last submission in the tracker; -1 when none is. */
    long appliedSequence(String playerId, String seasonId);

    /**
     * The player's questions due at {@code now} (optionally of one subject), most overdue first, ties by question id
     * in byte order (as Redis orders equal scores).
     */
    List<TrackedCard> due(String playerId, String seasonId, Instant now, String subjectOrNull, int limit);

    long countDue(String playerId, String seasonId, Instant now, String subjectOrNull);

    /** How many of these questions are due at {@code now} according to the tracker. */
    long countDueAmong(String playerId, String seasonId, Instant now, String subjectOrNull,
                       Collection<String> questionIds);

    Map<String, TrackedCard> find(String playerId, String seasonId, Collection<String> questionIds);

    /** Everything a review queue is built from, read so that the sequence is never ahead of the rows. */
    QueueContent queueContent(String playerId, String seasonId);

    /** @param dues question id → due time, every question the player tracks in the season */
    record QueueContent(long appliedSequence, Map<String, Instant> dues) {
    }
}
