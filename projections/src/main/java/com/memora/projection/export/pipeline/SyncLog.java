package com.memora.projection.export.pipeline;

import com.memora.projection.export.cdn.UploadedFile;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port to the sync log (decisions O2): one entry per plan build or CDN publication attempt, in a table no replay wipes. */
public interface SyncLog {

    /** Opens an entry in status PROCESSING and returns its id. */
    long start(String planId, BuildTrigger trigger, PendingPlan mark, long buildNumber, Instant startedAt);

    /**
     * Opens an entry, in status PROCESSING, for a CDN publication that is not a build: a retry, an operator's retry,
     * the removal of trashed content, a full sync (issue 5).
     *
     * @param buildNumber the plan's latest build, whose files are published
     * @param attempt     the plan's publication attempt (1 for a first try)
     */
    long startPublication(String planId, BuildTrigger trigger, String reason, long buildNumber, int attempt,
                          Instant startedAt);

    void finish(long id, BuildResult result, Instant finishedAt);

    /** The hashes of the files an entry's publication uploaded: local MD5 and the ETag the store answered. */
    void recordUploads(long id, List<UploadedFile> files);

    /** The files an entry's publication uploaded, by path. */
    List<UploadedFile> uploads(long id, int limit);

    /** How the cache purge after the entry's publication went: URLs purged, and why (not) or what failed. */
    void purged(long id, int urlsPurged, String note);

    /**
     * Closes the plan's entries still PROCESSING (their node stopped during the build) as FAILED.
     *
     * @return how many were closed
     */
    int closeInterrupted(String planId, Instant at);

    Optional<SyncLogEntry> find(long id);

    /** Newest first; plan and status are optional filters. */
    List<SyncLogEntry> recent(String planIdOrNull, PublicationStatus statusOrNull, int limit);
}
