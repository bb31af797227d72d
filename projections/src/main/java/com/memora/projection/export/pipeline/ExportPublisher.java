package com.memora.projection.export.pipeline;

import java.time.Instant;
import java.util.List;

/**
 * The seam to the CDN (issue 5): called after a plan's files are staged locally, with what changed, and after
 * files are removed at once. The default {@link #LOCAL_ONLY} uploads nothing and ends builds {@code LOCAL_ONLY}; the
 * CDN publisher uploads the written paths (bottom-up, decisions F3), deletes the deleted ones, verifies and purges.
 * It must not throw for CDN trouble: it answers {@code RETRY_WAIT} (or {@code DEAD_LETTER}) instead.
 */
public interface ExportPublisher {

    ExportPublisher LOCAL_ONLY = new ExportPublisher() {
        @Override
        public Published publish(Staged staged) {
            return new Published(PublicationStatus.LOCAL_ONLY, 0, null, null, null);
        }

        @Override
        public void removed(String planId, List<Removal> removals) {
            // nothing is on a CDN to remove
        }
    };

    Published publish(Staged staged);

    /** Files or a plan folder were removed locally at once (a trash or delete, decisions F8). */
    void removed(String planId, List<Removal> removals);

    /**
     * One plan's build after local staging.
     *
     * @param logId   the sync log entry of the build
     * @param written paths written, in publication order (lessons, units, subjects, search, manifest last)
     * @param deleted paths that left the plan's output and were deleted locally
     */
    record Staged(String planId, long logId, long buildNumber, List<String> written, List<String> deleted,
                  Instant stagedAt) {

        public Staged {
            written = List.copyOf(written);
            deleted = List.copyOf(deleted);
        }
    }

    /**
     * @param status       SUCCESS, LOCAL_ONLY, RETRY_WAIT or DEAD_LETTER
     * @param syncVerified every uploaded file's MD5 matched its ETag; null when nothing was uploaded
     * @param nextRetryAt  for RETRY_WAIT
     */
    record Published(PublicationStatus status, int filesUploaded, Boolean syncVerified, String error,
                     Instant nextRetryAt) {
    }
}
