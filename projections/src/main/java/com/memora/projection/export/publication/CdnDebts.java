package com.memora.projection.export.publication;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port to what the CDN owes each plan and each plan's retry state (decisions O2): durable rows that no replay
 * touches. Written before local files change (a write-ahead record), cleared only up to what a successful
 * publication read.
 */
public interface CdnDebts {

    /** The plan owes these uploads and deletions; a path owed both ways is owed as the later of the two. */
    void owe(String planId, Collection<String> uploads, Collection<String> deletes, Instant at);

    /** Each plan's whole folder must be brought level with the local one. */
    void oweFullSync(Collection<String> planIds, Instant at);

    Optional<OwedPublication> find(String planId);

    /**
     * A publication succeeded: forgets everything owed up to {@code upToSeq} and the failure count. If something was
     * owed meanwhile, the plan stays {@code OWED} with it.
     */
    void settled(String planId, long upToSeq, Instant at);

    /** These uploads reached the bucket verified before the publication failed: they are no longer owed. */
    void uploaded(String planId, Collection<String> paths, long upToSeq);

    /**
     * Owed deletions reached the bucket while the plan waits for a retry (F8: removals do not wait): forgets those
     * keys up to {@code upToSeq}, and with {@code folderGone} everything owed for the removed plan's folder. The
     * state, counter and retry time stay as they are; a debt left with nothing owed is gone.
     */
    void removedWhileWaiting(String planId, Collection<String> keys, boolean folderGone, long upToSeq);

    /** A publication failed: the plan's new state and counter. */
    void failed(String planId, CdnDebtState state, int failedAttempts, Instant nextRetryAt, String error, Long logId,
                Instant at);

    /** Plans whose publication is due: owed and never tried, or waiting for a retry whose time has come. */
    List<String> due(Instant now, int limit);

    /**
     * An operator retries a dead letter: the plan is owed again with a fresh counter.
     *
     * @return false when the plan is not dead-lettered
     */
    boolean requeueDeadLetter(String planId, Instant at);

    /**
     * The CDN's target is new (readiness was reset: enabled again, another bucket, keys changed): every plan that is
     * dead-lettered or failed permanently is owed again with a fresh counter. Their failures were against the old
     * target; left as they are, they would never be picked up and would keep readiness from being reached.
     *
     * @return how many plans were owed again
     */
    int requeueStuck(Instant at);

    /** Forgets the plan's debt and state (the CDN was disabled: enabling it again syncs every plan in full). */
    void forget(String planId);

    /** Plans owing something, the oldest first; {@code state} null for any. */
    List<OwedSummary> summaries(CdnDebtState state, int limit);

    Optional<OwedSummary> summary(String planId);

    Map<CdnDebtState, Long> countByState();
}
