package com.memora.projection.srs.ops;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Port: which seasons the archive jobs have work for, and a season's archive figures (PostgreSQL). */
public interface SeasonArchiveQueries {

    /** Seasons with {@code auto_archive} on, not active, not archived, that ended before {@code today}. */
    List<String> dueForAutoArchive(LocalDate today);

    /** Archived seasons whose rows are not in the archive yet (an archive interrupted half-way). */
    List<String> pendingArchives();

    /** Seasons that are archived, rows moved, by id. */
    List<String> archivedSeasons();

    /** Seasons with archived rows archived before {@code cutoff} that are not flagged yet. */
    List<String> seasonsWithRowsToFlag(Instant cutoff);

    /** Seasons with rows flagged as eligible for deletion. */
    List<String> seasonsWithFlaggedRows();

    Optional<ArchiveStatus> status(String seasonId);

    /**
     * Domain §12.6's archive status of a season.
     *
     * @param activeRecords   rows in the live tracker
     * @param archivedRecords rows in the archive
     * @param eligibleForDeletion archived rows flagged by retention
     */
    record ArchiveStatus(String season, boolean isActive, boolean autoArchive, LocalDate endDate, boolean archived,
                         Instant archivedAt, long activeRecords, long archivedRecords, long eligibleForDeletion,
                         long totalRecords) {
    }
}
