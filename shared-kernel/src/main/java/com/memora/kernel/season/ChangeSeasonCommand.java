package com.memora.kernel.season;

import com.memora.kernel.id.AggregateIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A partial update: every {@code null} field is left as it is. */
public record ChangeSeasonCommand(String seasonId,
                                  String title,
                                  LocalDate startDate,
                                  LocalDate endDate,
                                  Boolean active,
                                  Boolean enableRedis,
                                  Boolean autoArchive) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.season(seasonId);
    }
}
