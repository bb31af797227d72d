package com.memora.projection.export.pipeline;

/** What started a batch run, and so the builds in it (domain §3 {@code triggered_by}). */
public enum BuildTrigger {
    /** The batch interval passed with plans pending (decisions O1). */
    SCHEDULER,
    /** {@code batch_threshold} plans were pending, so the run did not wait for the interval (O1). */
    THRESHOLD,
    /** An operator asked for a rebuild. */
    MANUAL,
    /** A replay of the content model ended: every plan is built once (R2). */
    REPLAY
}
