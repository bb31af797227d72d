package com.memora.kernel.season;

import java.util.Optional;

/**
 * The seasons as the command side knows them, kept in the same transaction as each season event (decisions S1):
 * never behind the event store, unlike the asynchronous season read model. Answers the questions that must not be
 * answered from a stale view: which season is active, and whether a season exists or is archived (decisions S6).
 */
public interface SeasonRegistry {

    Optional<SeasonStatus> find(String seasonId);

    /** The active season; at most one exists (a unique index backs the rule). */
    Optional<SeasonStatus> active();
}
