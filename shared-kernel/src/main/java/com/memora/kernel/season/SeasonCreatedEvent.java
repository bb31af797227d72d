package com.memora.kernel.season;

import java.time.LocalDate;

public record SeasonCreatedEvent(String seasonId,
                                 String title,
                                 LocalDate startDate,
                                 LocalDate endDate,
                                 boolean active,
                                 boolean enableRedis,
                                 boolean autoArchive) {
}
