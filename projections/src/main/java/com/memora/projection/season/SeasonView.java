package com.memora.projection.season;

import java.time.Instant;
import java.time.LocalDate;

/** One row of the season read model. */
public record SeasonView(String id,
                         String title,
                         LocalDate startDate,
                         LocalDate endDate,
                         boolean active,
                         boolean enableRedis,
                         boolean autoArchive,
                         boolean partitionCreated,
                         Instant createdAt,
                         Instant updatedAt) {

    SeasonView withDetails(String newTitle, LocalDate newStart, LocalDate newEnd, Instant at) {
        return new SeasonView(id, newTitle, newStart, newEnd, active, enableRedis, autoArchive, partitionCreated, createdAt, at);
    }

    SeasonView withActive(boolean value, Instant at) {
        return new SeasonView(id, title, startDate, endDate, value, enableRedis, autoArchive, partitionCreated, createdAt, at);
    }

    SeasonView withEnableRedis(boolean value, Instant at) {
        return new SeasonView(id, title, startDate, endDate, active, value, autoArchive, partitionCreated, createdAt, at);
    }

    SeasonView withPartitionCreated(Instant at) {
        return new SeasonView(id, title, startDate, endDate, active, enableRedis, autoArchive, true, createdAt, at);
    }

    SeasonView withAutoArchive(boolean value, Instant at) {
        return new SeasonView(id, title, startDate, endDate, active, enableRedis, value, partitionCreated, createdAt, at);
    }
}
