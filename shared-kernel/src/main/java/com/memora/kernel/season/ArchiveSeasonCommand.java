package com.memora.kernel.season;

import com.memora.kernel.id.AggregateIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Archives a season (domain §12.6, decisions S5, S6): its reviews and review reads close at once, and its tracker rows
 * are then moved to the archive ({@link CompleteSeasonArchiveCommand}). Refused for the active season. Sending it
 * for a season that is archived already changes nothing (the answer says how far the archive got), so an archive
 * interrupted half-way is finished by asking again.
 *
 * @param automatic sent by the daily auto-archive job: it archives only a season with {@code auto_archive} on that
 *                  ended before today (by the service clock), and otherwise does nothing
 */
public record ArchiveSeasonCommand(String seasonId, boolean automatic) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.season(seasonId);
    }
}
