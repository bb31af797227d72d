package com.memora.infra.ops.health;

import com.memora.infra.persistence.AdvisoryLocks;
import com.memora.kernel.error.ConflictException;
import com.memora.kernel.ops.BackgroundJobs;
import com.memora.kernel.ops.JobProgress;
import com.memora.projection.export.health.ContentCheckKind;
import com.memora.projection.export.health.ContentHealthCheck;
import com.memora.projection.export.health.ContentHealthReport;
import com.memora.projection.export.health.HealthCheckRun;
import com.memora.projection.export.health.HealthCheckRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs the content health checks one at a time in the cluster ({@link HealthCheckLock}, decisions O7): the
 * scheduler's hourly quick check and nightly full scan, and an operator's check now, which runs as a background job
 * (a full scan of a large tree takes a while; {@code GET /api/admin/jobs/{id}} shows its progress).
 */
@Component
public class ContentHealthJobs {

    public static final String JOB_TYPE = "content-health-check";
    private static final Logger log = LoggerFactory.getLogger(ContentHealthJobs.class);

    private final ContentHealthCheck check;
    private final HealthCheckLock lock;
    private final BackgroundJobs jobs;
    private final HealthCheckRuns runs;
    private final ContentHealthProperties properties;
    private final Clock clock;

    ContentHealthJobs(ContentHealthCheck check, HealthCheckLock lock, BackgroundJobs jobs, HealthCheckRuns runs,
                      ContentHealthProperties properties, Clock clock) {
        this.check = check;
        this.lock = lock;
        this.jobs = jobs;
        this.runs = runs;
        this.properties = properties;
        this.clock = clock;
    }

    /** The hourly job: a quick check inside business hours, a recorded skip outside; nothing while one runs. */
    public Optional<HealthCheckRun> hourlyQuickCheck() {
        Optional<AdvisoryLocks.Held> held = lock.tryLock();
        if (held.isEmpty()) {
            log.info("Hourly quick check not run: another content health check is running");
            return Optional.empty();
        }
        try (AdvisoryLocks.Held ignored = held.get()) {
            return Optional.of(check.scheduledQuickCheck());
        }
    }

    /** The nightly job: a full scan, then the history beyond its retention goes. */
    public Optional<HealthCheckRun> nightlyFullScan() {
        Optional<AdvisoryLocks.Held> held = lock.tryLock();
        if (held.isEmpty()) {
            log.info("Nightly full scan not run: another content health check is running");
            return Optional.empty();
        }
        try (AdvisoryLocks.Held ignored = held.get()) {
            HealthCheckRun run = check.fullScan(ContentHealthCheck.SCHEDULER, JobProgress.NONE);
            int pruned = runs.pruneBefore(clock.instant().minus(properties.historyRetention()));
            if (pruned > 0) {
                log.info("Removed {} content health run(s) older than {}", pruned, properties.historyRetention());
            }
            return Optional.of(run);
        }
    }

    /**
     * An operator's check now, as a background job holding the cluster lock until it ends.
     *
     * @throws ConflictException when a check is running already
     */
    public UUID startNow(ContentCheckKind kind) {
        AdvisoryLocks.Held held = lock.tryLock().orElseThrow(() -> new ConflictException(
                "health-check-running", "A content health check is running already; its report will be at "
                                        + "GET /api/admin/health/content once it ends"));
        try {
            return jobs.submit(JOB_TYPE, "Content health " + kind.wireName() + " check (requested by an operator)",
                               progress -> {
                                   try (held) {
                                       HealthCheckRun run = kind == ContentCheckKind.FULL
                                                            ? check.fullScan(ContentHealthCheck.MANUAL, progress)
                                                            : check.quickCheck(ContentHealthCheck.MANUAL);
                                       return summary(run);
                                   }
                               });
        } catch (RuntimeException e) {
            held.close();
            throw e;
        }
    }

    private static Map<String, Object> summary(HealthCheckRun run) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("run_id", run.id());
        result.put("kind", run.kind().wireName());
        result.put("status", run.status());
        ContentHealthReport report = run.report();
        if (report != null) {
            result.put("missing_files", report.missingFilesCount());
            if (report.orphanFilesCount() != null) {
                result.put("orphan_files", report.orphanFilesCount());
            }
            if (report.hashMismatchesCount() != null) {
                result.put("hash_mismatches", report.hashMismatchesCount());
            }
            result.put("plans_queued", report.plansQueued());
        } else {
            result.put("reason", run.reason());
        }
        result.put("report_url", "/api/admin/health/content?kind=" + run.kind().wireName());
        return result;
    }
}
