package com.memora.projection.export.pipeline;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The seam to the CDN (issue 5), called under the plan's lock: {@link #owe} before the pipeline changes local files
 * (a write-ahead record, so a failure or a crash between the local change and the upload loses nothing), then
 * {@link #publish} after a build staged its files, or {@link #removed} after files of trashed or deleted content
 * went at once (F8). {@link #LOCAL_ONLY} uploads nothing and ends every build {@code LOCAL_ONLY}; the CDN publisher
 * uploads the written paths bottom-up (F3), deletes the deleted ones, verifies and purges. It must not throw for
 * CDN trouble: it answers {@code RETRY_WAIT}, {@code DEAD_LETTER} or {@code FAILED} instead.
 */
public interface ExportPublisher {

    ExportPublisher LOCAL_ONLY = new ExportPublisher() {
        @Override
        public Published publish(Staged staged) {
            return Published.localOnly();
        }

        @Override
        public void removed(String planId, List<Removal> removals) {
            // nothing is on a CDN to remove
        }
    };

    /**
     * The pipeline is about to write these paths or remove these files (or a plan's folder) locally: whatever
     * happens next, the CDN owes them.
     */
    default void owe(String planId, Collection<String> uploads, Collection<Removal> removals) {
    }

    Published publish(Staged staged);

    /** Files or a plan folder were removed locally at once (a trash or delete, decisions F8). */
    void removed(String planId, List<Removal> removals);

    /**
     * One plan's build after local staging.
     *
     * @param logId               the sync log entry of the build
     * @param written             paths written, in publication order (lessons, units, subjects, search, manifest
     *                            last)
     * @param deleted             paths that left the plan's output and were deleted locally
     * @param signedLinksExpireAt the earliest {@code signed_url_expiry} of the plan's lesson files, null when none
     *                            has a signed link (the re-sign job's clock, F7)
     */
    record Staged(String planId, long logId, long buildNumber, List<String> written, List<String> deleted,
                  Instant stagedAt, Instant signedLinksExpireAt) {

        public Staged {
            written = List.copyOf(written);
            deleted = List.copyOf(deleted);
        }
    }

    /**
     * @param status            SUCCESS, LOCAL_ONLY, FAILED, RETRY_WAIT or DEAD_LETTER
     * @param filesUploaded     files uploaded and verified (also those of a publication that failed later)
     * @param filesDeletedOnCdn keys removed from the bucket
     * @param syncVerified      every uploaded file's MD5 matched its ETag and the publication completed; false when
     *                          it failed; null when nothing was tried
     * @param nextRetryAt       for RETRY_WAIT
     * @param attempt           the plan's publication attempt this was (1 for a first try, 2… for retries), or the
     *                          failed attempts so far when the build only joined a publication that waits; 0 when
     *                          nothing was published
     */
    record Published(PublicationStatus status, int filesUploaded, int filesDeletedOnCdn, Boolean syncVerified,
                     String error, Instant nextRetryAt, int attempt) {

        public static Published localOnly() {
            return new Published(PublicationStatus.LOCAL_ONLY, 0, 0, null, null, null, 0);
        }
    }
}
