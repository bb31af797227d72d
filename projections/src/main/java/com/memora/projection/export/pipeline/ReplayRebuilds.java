package com.memora.projection.export.pipeline;

import java.time.Instant;

/**
 * What the export owes a replay of the content model (decisions R2): the reset records that every plan must be
 * built once when the replay ends; until then builds pause. Operational state, written in the reset's own
 * transaction.
 */
public interface ReplayRebuilds {

    /** A replay of the content model began (called from its reset). */
    void owe(Instant at);

    boolean owed();

    /**
     * The replay ended: marks every plan that is not in the trash and clears the debt, in one transaction.
     *
     * @return how many plans were marked, or -1 when nothing was owed (another node settled it)
     */
    int settle(String reason, Instant at);

    /**
     * Whether the content projection is still replaying, as its stored tokens say (so every node of a cluster sees
     * the same answer, also the ones that do not process the content group).
     */
    boolean contentReplaying();
}
