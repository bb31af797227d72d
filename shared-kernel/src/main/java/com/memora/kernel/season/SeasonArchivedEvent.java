package com.memora.kernel.season;

import java.time.Instant;

/**
 * The season is archived: from this event on its reviews and review reads are refused (decisions S6), and it can
 * no longer be changed. Its tracker rows are moved to the archive afterwards ({@link SeasonTrackerArchivedEvent}).
 *
 * @param archivedAt when the season was archived (service clock)
 * @param automatic  archived by the daily auto-archive job rather than by an administrator
 */
public record SeasonArchivedEvent(String seasonId, Instant archivedAt, boolean automatic) {
}
