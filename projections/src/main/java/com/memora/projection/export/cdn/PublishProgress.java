package com.memora.projection.export.cdn;

/**
 * Called after each file of a batch is uploaded and verified, so long publications can show progress
 * ({@code BackgroundJobs}). Uploads of one level run in parallel, so this may be called from several threads.
 */
@FunctionalInterface
public interface PublishProgress {

    PublishProgress NONE = (file, done, total) -> { };

    void uploaded(UploadedFile file, int done, int total);
}
