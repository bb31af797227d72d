package com.memora.projection.export.cdn;

import java.time.Instant;

/**
 * Port to the CDN's operational state (one row for the deployment). Each change is one atomic statement, so nodes
 * recording outcomes at the same time never lose a count.
 */
public interface CdnStatusStore {

    CdnStatus current();

    void markReady(String target, Instant at, String note);

    void resetReadiness(Instant at, String note);

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
