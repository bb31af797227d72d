package com.memora.command.srs;

/**
 * Port: the check, inside the transaction that stores a submission, that its season still takes reviews (decisions
 * S6). The controller already refuses archived seasons, but an archive may commit between that check and the
 * submission's own commit; this gate makes the two exclusive: a submission either commits before the archive (and
 * the archive then includes it) or sees the season archived and is refused.
 */
public interface ReviewSeasonGate {

    /**
     * @throws com.memora.kernel.error.ConflictException {@code season-archived} when the season is archived
     */
    void requireOpen(String seasonId);
}
