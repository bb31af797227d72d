package com.memora.kernel.season;

import java.time.Instant;

/**
 * Retention flagged archived tracker rows of the season as eligible for deletion (those archived before
 * {@code archivedBefore}, three years by default). Kept as an event so the record of it outlives any table.
 */
public record ArchivedTrackerRowsFlaggedEvent(String seasonId, Instant archivedBefore, long rowsFlagged,
                                              Instant flaggedAt) {
}
