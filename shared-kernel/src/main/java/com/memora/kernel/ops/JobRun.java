package com.memora.kernel.ops;

import java.time.Instant;
import java.util.Map;

/**
 * One run of a scheduled job, as recorded by the node that made it.
 *
 * @param outcome RUNNING, SUCCEEDED or FAILED
 * @param summary what the run did (job-specific), {@code null} while running or when it failed
 * @param error   why it failed, {@code null} otherwise
 */
public record JobRun(long id,
                     String jobName,
                     String nodeId,
                     Instant startedAt,
                     Instant finishedAt,
                     String outcome,
                     Map<String, Object> summary,
                     String error) {
}
