package com.memora.projection.export.pipeline;

import com.memora.projection.export.files.BuildWarning;

import java.time.Instant;
import java.util.List;

/**
 * One plan build, or one CDN publication attempt (a retry, a removal, a full sync), in the sync log (decisions O2,
 * domain §3). The upload fields ({@code filesUploaded}, {@code syncVerified}, {@code attempt}, {@code nextRetryAt},
 * {@code filesDeletedCdn}, the purge) belong to the CDN publisher (issue 5).
 *
 * @param reason  the latest change the build covers
 * @param changes how many changes the build covers
 * @param attempt the plan's CDN publication attempt the entry is (1 for a first try; 2 … 8 for retries)
 * @param filesDeletedCdn keys the entry's publication removed from the bucket
 * @param filesPurged CDN URLs purged after the publication; null until the purge ran (or when none was needed)
 * @param purgeNote   why nothing was purged, or what failed (a failed purge never fails a build)
 */
public record SyncLogEntry(long id,
                           String planId,
                           PublicationStatus status,
                           BuildTrigger trigger,
                           String reason,
                           int changes,
                           long buildNumber,
                           Instant queuedAt,
                           Instant startedAt,
                           Instant finishedAt,
                           int filesWritten,
                           int filesUnchanged,
                           int filesDeleted,
                           int filesUploaded,
                           Boolean syncVerified,
                           int attempt,
                           Instant nextRetryAt,
                           List<BuildWarning> warnings,
                           String error,
                           String nodeId,
                           int filesDeletedCdn,
                           Integer filesPurged,
                           String purgeNote) {

    public SyncLogEntry {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
