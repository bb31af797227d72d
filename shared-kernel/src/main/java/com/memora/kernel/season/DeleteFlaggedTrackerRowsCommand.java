package com.memora.kernel.season;

import com.memora.kernel.id.AggregateIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Deletes the season's archived tracker rows that retention flagged as eligible for deletion, and only those; an
 * administrator's confirmed request. Answers the number of rows deleted (a {@code Long}); a repeat deletes nothing.
 */
public record DeleteFlaggedTrackerRowsCommand(String seasonId) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.season(seasonId);
    }
}
