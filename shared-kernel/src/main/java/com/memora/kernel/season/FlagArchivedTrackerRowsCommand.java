package com.memora.kernel.season;

import com.memora.kernel.id.AggregateIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Retention (domain §12.6): flags the season's archived tracker rows archived before {@code archivedBefore} as
 * eligible for deletion. Nothing is deleted; a repeat flags nothing new and stores no event.
 */
public record FlagArchivedTrackerRowsCommand(String seasonId, Instant archivedBefore) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.season(seasonId);
    }
}
