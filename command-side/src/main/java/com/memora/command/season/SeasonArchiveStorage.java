package com.memora.command.season;

import java.time.Instant;

/**
 * Port to the archived review tracker (domain §12.6, decisions S5). Each method runs in the transaction of the
 * season command that calls it, so the storage change and the event that records it commit together or not at all.
 */
public interface SeasonArchiveStorage {

    /**
     * Closes the season's reviews for the rest of this transaction: takes the season's review lock exclusively, so
     * the submissions being stored commit first and later ones wait and then find the season archived. Called before
     * the archive's event is stored, so that event's position in the event store follows every review of the season:
     * the tracker has applied them all once it is past that one event (however many reviews of other seasons arrive
     * meanwhile).
     */
    void closeReviews(String seasonId);

    /**
     * Moves the season's tracker rows to the archive table (same ids, {@code archived_at}), deletes the season's
     * tracker progress and drops its partition. A season without a partition moves nothing.
     *
     * @return rows moved
     */
    long moveTrackerToArchive(String seasonId, Instant archivedAt);

    /** Flags the season's archived rows archived before {@code archivedBefore} as eligible for deletion. */
    long flagArchivedBefore(String seasonId, Instant archivedBefore);

    /** Deletes the season's archived rows flagged as eligible for deletion, and only those. */
    long deleteFlagged(String seasonId);
}
