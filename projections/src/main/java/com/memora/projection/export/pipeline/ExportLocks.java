package com.memora.projection.export.pipeline;

import java.util.Optional;

/**
 * Cluster-wide locks of the export (decisions O1, O7): one per plan, so two nodes never build or clean one plan at
 * the same time, and one for the batch processor. A lock that is taken is not waited for: the caller skips and
 * the plan stays pending.
 */
public interface ExportLocks {

    Optional<Held> tryLockPlan(String planId);

    Optional<Held> tryLockBatch();

    /** The one cache-purge worker of the cluster, so that all purges together stay within Cloudflare's limits. */
    Optional<Held> tryLockPurge();

    /** A held lock; closing releases it. A lock also ends with the holder's database session. */
    interface Held extends AutoCloseable {

        @Override
        void close();
    }
}
