package com.memora.kernel.season;

import java.time.Instant;

/**
 * An administrator deleted the season's archived tracker rows that were flagged as eligible for deletion. Nothing
 * rebuilds the archive from events, and the tracker projection skips archived seasons, so no replay brings these
 * rows back (decisions S5).
 */
public record ArchivedTrackerRowsDeletedEvent(String seasonId, long rowsDeleted, Instant deletedAt) {
}
