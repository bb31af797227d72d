package com.memora.projection.export.pipeline;

import com.memora.projection.export.files.BuildWarning;

import java.time.Instant;
import java.util.List;

/**
 * One plan build in the sync log (decisions O2, domain §3). The upload fields ({@code filesUploaded},
 * {@code syncVerified}, {@code attempt}, {@code nextRetryAt}) belong to the CDN publisher (issue 5).
 *
 * @param reason  the latest change the build covers
 * @param changes how many changes the build covers
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
                           String nodeId) {

    public SyncLogEntry {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
