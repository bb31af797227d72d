package com.memora.projection.season;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of the season read model.
 *
 * @param archivedAt      when the season was archived; {@code null} while it is not
 * @param recordsArchived tracker rows moved to the archive; {@code null} until they are
 */
public record SeasonView(String id,
                         String title,
                         LocalDate startDate,
                         LocalDate endDate,
                         boolean active,
                         boolean enableRedis,
                         boolean autoArchive,
                         boolean partitionCreated,
                         Instant archivedAt,
                         Long recordsArchived,
                         Instant createdAt,
                         Instant updatedAt) {

    /** A season as created: not archived. */
    public SeasonView(String id, String title, LocalDate startDate, LocalDate endDate, boolean active,
                      boolean enableRedis, boolean autoArchive, boolean partitionCreated, Instant createdAt,
                      Instant updatedAt) {
        this(id, title, startDate, endDate, active, enableRedis, autoArchive, partitionCreated, null, null, createdAt,
             updatedAt);
    }

    public boolean archived() {
        return archivedAt != null;
    }

    SeasonView withDetails(String newTitle, LocalDate newStart, LocalDate newEnd, Instant at) {
        return new SeasonView(id, newTitle, newStart, newEnd, active, enableRedis, autoArchive, partitionCreated,
                              archivedAt, recordsArchived, createdAt, at);
    }

    SeasonView withActive(boolean value, Instant at) {
        return new SeasonView(id, title, startDate, endDate, value, enableRedis, autoArchive, partitionCreated,
                              archivedAt, recordsArchived, createdAt, at);
    }

    SeasonView withEnableRedis(boolean value, Instant at) {
        return new SeasonView(id, title, startDate, endDate, active, value, autoArchive, partitionCreated, archivedAt,
                              recordsArchived, createdAt, at);
    }

    SeasonView withPartitionCreated(Instant at) {
        return new SeasonView(id, title, startDate, endDate, active, enableRedis, autoArchive, true, archivedAt,
                              recordsArchived, createdAt, at);
    }

    SeasonView withAutoArchive(boolean value, Instant at) {
        return new SeasonView(id, title, startDate, endDate, active, enableRedis, value, partitionCreated, archivedAt,
                              recordsArchived, createdAt, at);
    }

    SeasonView withArchived(Instant when, Instant at) {
        return new SeasonView(id, title, startDate, endDate, active, enableRedis, autoArchive, partitionCreated, when,
                              recordsArchived, createdAt, at);
    }

    SeasonView withRecordsArchived(long records, Instant at) {
        return new SeasonView(id, title, startDate, endDate, active, enableRedis, autoArchive, partitionCreated,
                              archivedAt, records, createdAt, at);
    }
}
