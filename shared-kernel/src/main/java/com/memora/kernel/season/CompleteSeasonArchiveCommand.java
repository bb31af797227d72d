package com.memora.kernel.season;

import com.memora.kernel.id.AggregateIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Moves an archived season's tracker rows to the archive table and drops its partition, in the same transaction
 * as the event that records it ({@link SeasonTrackerArchivedEvent}). Sent by the archive job once the tracker has
 * applied every review of the season; a repeat changes nothing and answers what the first one recorded.
 */
public record CompleteSeasonArchiveCommand(String seasonId) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.season(seasonId);
    }
}
