package com.memora.projection.export.pipeline;

/**
 * Where a plan's build stands (decisions O2): {@code QUEUED → PROCESSING → SUCCESS | LOCAL_ONLY | FAILED |
 * RETRY_WAIT → … → DEAD_LETTER}. This pipeline stages files locally and ends a build {@link #LOCAL_ONLY} through the
 * default publisher; the CDN upload (issue 5) ends it {@link #SUCCESS}, {@link #RETRY_WAIT} or
 * {@link #DEAD_LETTER}.
 */
public enum PublicationStatus {
    /** Changes wait for the next batch. */
    QUEUED,
    /** A node is building the plan now. */
    PROCESSING,
    /** Staged locally and published to the CDN. */
    SUCCESS,
    /** Staged locally; nothing was uploaded (no CDN publisher, or the CDN is off). */
    LOCAL_ONLY,
    /** A permanent failure (schema violation, permission denied): the previous files stay; the next edit retries. */
    FAILED,
    /** A transient CDN failure; retried on a schedule (issue 5). */
    RETRY_WAIT,
    /** Retries exhausted (issue 5); an operator retries by hand. */
    DEAD_LETTER;

    /** The build is over, whatever its outcome. */
    public boolean finished() {
        return this != QUEUED && this != PROCESSING;
    }
}
