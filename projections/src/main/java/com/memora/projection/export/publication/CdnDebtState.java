package com.memora.projection.export.publication;

/**
 * Where a plan's CDN publication stands while the CDN owes the plan something (decisions O2). A plan that owes
 * nothing has no state at all.
 */
public enum CdnDebtState {
    /** Owed and not failed yet: the next build, removal, retry tick or operator retry publishes it. */
    OWED,
    /** A transient failure: tried again at {@code next_retry_at} (30 s, 1, 2, 5, 15, 15, 15 min). */
    RETRY_WAIT,
    /** The retries ran out: an operator retries ({@code POST /api/admin/export/plans/{id}/retry}). */
    DEAD_LETTER,
    /** A permanent failure (access denied, no such bucket, a file the store keeps storing wrong): the next build or
     * rebuild of the plan tries again, with everything still owed. */
    FAILED
}
