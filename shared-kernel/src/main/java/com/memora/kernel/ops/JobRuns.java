package com.memora.kernel.ops;

import java.util.List;

/** Reading side of the scheduled jobs' run records (operational state: no replay touches it). */
public interface JobRuns {

    /** The most recent runs first, optionally of one job only. */
    List<JobRun> recent(String jobNameOrNull, int limit);
}
