package com.memora.kernel.ops;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The background-job registry: long work (imports, rebuilds, archives) runs off the request thread and reports
 * progress that {@code GET /api/admin/jobs/{id}} shows. The registry is operational state: no replay wipes it.
 */
public interface BackgroundJobs {

    /** Records the job and starts {@code work} on a background thread; returns at once. */
    UUID submit(String type, String description, JobWork work);

    Optional<JobStatus> find(UUID id);

    List<JobStatus> recent(int limit);

    /** Asks a running job to stop; false when the job is unknown or already finished. */
    boolean requestCancel(UUID id);
}
