package com.memora.projection.export.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port to the sync log (decisions O2): one entry per plan build, in a table no replay wipes. */
public interface SyncLog {

    /** Opens an entry in status PROCESSING and returns its id. */
    long start(String planId, BuildTrigger trigger, PendingPlan mark, long buildNumber, Instant startedAt);

    void finish(long id, BuildResult result, Instant finishedAt);

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
