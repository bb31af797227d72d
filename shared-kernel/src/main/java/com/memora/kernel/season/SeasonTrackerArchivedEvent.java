package com.memora.kernel.season;

import java.time.Instant;

/**
 * The archived season's tracker rows were moved to the archive table (same ids, {@code archived_at}) and its tracker
 * partition dropped, in the transaction that stored this event (decisions S5). From now on the tracker projection
 * skips the season's events, in replays too, so its rows never come back.
 *
 * @param recordsArchived tracker rows moved
 * @param archivedAt      the {@code archived_at} the rows carry
 */
public record SeasonTrackerArchivedEvent(String seasonId, long recordsArchived, Instant archivedAt) {
}
