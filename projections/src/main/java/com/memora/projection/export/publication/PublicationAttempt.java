package com.memora.projection.export.publication;

import com.memora.projection.export.cdn.UploadedFile;
import com.memora.projection.export.pipeline.ExportPublisher;
import com.memora.projection.export.pipeline.PublicationStatus;

import java.time.Instant;
import java.util.List;

/**
 * How one attempt to publish what a plan owes ended.
 *
 * @param status      SUCCESS, RETRY_WAIT, DEAD_LETTER or FAILED
 * @param attempt     the plan's publication attempt (1 for a first try, 2 … for retries)
 * @param uploaded    files uploaded and verified, also those before a failure
 * @param deleted     keys removed from the bucket
 * @param nextRetryAt for RETRY_WAIT
 */
public record PublicationAttempt(PublicationStatus status, int attempt, List<UploadedFile> uploaded,
                                 List<String> deleted, String error, Instant nextRetryAt) {

    public PublicationAttempt {
        uploaded = List.copyOf(uploaded);
        deleted = List.copyOf(deleted);
    }

    public boolean succeeded() {
        return status == PublicationStatus.SUCCESS;
    }

    /**
     * {@code sync_verified}: true when the publication completed with every uploaded file's MD5 equal to its ETag,
     * false when it failed (the bucket is not level with the local files), null when it completed without
     * uploading anything.
     */
    public Boolean syncVerified() {
        if (!succeeded()) {
            return false;
        }
        return uploaded.isEmpty() ? null
                : uploaded.stream().allMatch(file -> file.localMd5().equalsIgnoreCase(file.cdnEtag()));
    }

    public ExportPublisher.Published toPublished() {
        return new ExportPublisher.Published(status, uploaded.size(), deleted.size(), syncVerified(), error,
                                             nextRetryAt, attempt);
    }
}
