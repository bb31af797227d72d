package com.memora.kernel.season;

import com.memora.kernel.id.AggregateIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record CreateSeasonCommand(String seasonId,
                                  String title,
                                  LocalDate startDate,
                                  LocalDate endDate,
                                  boolean active,
                                  boolean enableRedis,
                                  boolean autoArchive) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.season(seasonId);
    }
}
