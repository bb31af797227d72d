package com.memora.kernel.season;

import com.memora.kernel.id.AggregateIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the season's partition of the review tracker table exists (sent once it does). */
public record RecordSeasonPartitionCommand(String seasonId, String partitionName) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.season(seasonId);
    }
}
