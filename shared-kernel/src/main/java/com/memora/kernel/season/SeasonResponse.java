package com.memora.kernel.season;

import java.time.Instant;
import java.time.LocalDate;

/**
 * @param archived        the season is archived (reviews closed, decisions S6)
 * @param archivedAt      when it was archived; absent while it is not
 * @param recordsArchived tracker rows moved to the archive; absent until they are
 */
public record SeasonResponse(String id,
                             String title,
                             LocalDate startDate,
                             LocalDate endDate,
                             boolean isActive,
                             boolean enableRedis,
                             boolean autoArchive,
                             boolean partitionCreated,
                             boolean archived,
                             Instant archivedAt,
                             Long recordsArchived) {
}
