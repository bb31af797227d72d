package com.memora.projection.export.pipeline;

/**
 * What started a batch run, and so the builds in it, or a CDN publication outside a build (domain §3
 * {@code triggered_by}). An operator's retry of a dead letter is {@link #MANUAL}.
 */
public enum BuildTrigger {
    /** The batch interval passed with plans pending (decisions O1). */
    SCHEDULER,
    /** {@code batch_threshold} plans were pending, so the run did not wait for the interval (O1). */
    THRESHOLD,
    /** An operator asked for a rebuild. */
    MANUAL,
    /** A replay of the content model ended: every plan is built once (R2). */
    REPLAY,
    /** A CDN publication that failed transiently is tried again on its schedule (O2), or one that was left owed. */
    RETRY,
    /** Files of trashed or deleted content leave the bucket at once (F8). */
    REMOVAL,
    /** The whole plan folder is brought level with the local one (the CDN was enabled or its bucket changed, O4). */
    CDN_SYNC
}
