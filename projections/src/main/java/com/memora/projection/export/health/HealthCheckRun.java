package com.memora.projection.export.health;

import java.time.Instant;

/**
 * One run of a content health check as its history keeps it. A skipped run (outside business hours, during a
 * replay) is recorded as skipped with the reason — it is not a report — and so is a run that failed.
 *
 * @param id      assigned by the store
 * @param trigger {@code SCHEDULER} or {@code MANUAL}
 * @param status  the report's status, or {@code skipped} / {@code failed}
 * @param reason  why the run was skipped or failed; null for a report
 * @param report  null unless {@code outcome} is {@link RunOutcome#REPORTED}
 */
public record HealthCheckRun(Long id,
                             ContentCheckKind kind,
                             String trigger,
                             Instant startedAt,
                             Instant finishedAt,
                             RunOutcome outcome,
                             String status,
                             String reason,
                             String node,
                             ContentHealthReport report) {

    public static HealthCheckRun reported(ContentCheckKind kind, String trigger, Instant startedAt, Instant finishedAt,
                                          ContentHealthReport report) {
        return new HealthCheckRun(null, kind, trigger, startedAt, finishedAt, RunOutcome.REPORTED,
                                  report.status().wireName(), null, null, report);
    }

    public static HealthCheckRun skipped(ContentCheckKind kind, String trigger, Instant at, String reason) {
        return new HealthCheckRun(null, kind, trigger, at, at, RunOutcome.SKIPPED, "skipped", reason, null, null);
    }

    public static HealthCheckRun failed(ContentCheckKind kind, String trigger, Instant startedAt, Instant finishedAt,
                                        String reason) {
        return new HealthCheckRun(null, kind, trigger, startedAt, finishedAt, RunOutcome.FAILED, "failed", reason,
                                  null, null);
    }
}
