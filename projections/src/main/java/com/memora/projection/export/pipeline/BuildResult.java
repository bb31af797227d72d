package com.memora.projection.export.pipeline;

import com.memora.projection.export.files.BuildWarning;

import java.time.Instant;
import java.util.List;

/**
 * How the local part of one plan build ended, as the sync log records it.
 *
 * @param status   {@link PublicationStatus#LOCAL_ONLY} or what the publisher made of it, {@code FAILED} for a
 *                 failure, {@code QUEUED} when the build paused (low disk) and the plan stays pending
 * @param written  paths of the files written, in publication order
 * @param deleted  paths of the files that left the plan's output and were deleted
 * @param uploaded files the publisher uploaded (issue 5)
 * @param deletedOnCdn keys the publisher removed from the bucket
 * @param attempt  the plan's publication attempt (see {@link ExportPublisher.Published#attempt()}); 0 when nothing
 *                 was published, which leaves the entry's attempt as it is
 */
public record BuildResult(PublicationStatus status,
                          List<String> written,
                          int unchanged,
                          List<String> deleted,
                          int uploaded,
                          Boolean syncVerified,
                          List<BuildWarning> warnings,
                          String error,
                          Instant nextRetryAt,
                          int deletedOnCdn,
                          int attempt) {

    public BuildResult {
        written = List.copyOf(written);
        deleted = List.copyOf(deleted);
        warnings = List.copyOf(warnings);
    }
}
