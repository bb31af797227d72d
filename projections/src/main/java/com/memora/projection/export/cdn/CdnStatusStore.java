package com.memora.projection.export.cdn;

import java.time.Instant;

/**
 * Port to the CDN's operational state (one row for the deployment). Each change is one atomic statement, so nodes
 * recording outcomes at the same time never lose a count.
 */
public interface CdnStatusStore {

    CdnStatus current();

    void markReady(String target, Instant at, String note);

    /** Readiness ends; so does the record of a full sync queued for it ({@link #syncRoundTarget()}). */
    void resetReadiness(Instant at, String note);

    /**
     * The target ({@link CdnStatus#targetOf}) for which a full sync of every plan was queued to make the CDN ready,
     * or null: the readiness job queues that sync once per enabling or bucket change.
     */
    String syncRoundTarget();

    void syncRoundStarted(String target, Instant at);

    /** The round did not end in a clean parity check: the next readiness check queues a full sync again. */
    void syncRoundCleared();

    /**
     * Counts one more consecutive failure; the CDN is healthy while the count stays below the threshold.
     *
     * @return the state after the change
     */
    CdnStatus recordFailure(Instant at, String failure, int failuresBeforeUnhealthy);

    /**
     * Clears the failure run and makes the CDN healthy.
     *
     * @return whether the CDN was unhealthy before
     */
    boolean recordSuccess(Instant at);
}
