package com.memora.kernel.season;

import java.time.LocalDate;

public record SeasonResponse(String id,
                             String title,
                             LocalDate startDate,
                             LocalDate endDate,
                             boolean isActive,
                             boolean enableRedis,
                             boolean autoArchive,
                             boolean partitionCreated) {
}
