package com.memora.infra.srs.ops;

import com.memora.infra.scheduling.ClusterJobRunner;
import com.memora.kernel.ops.JobRun;
import com.memora.projection.srs.ops.ArchiveRetention;
import com.memora.projection.srs.ops.AutoArchiving;
import com.memora.projection.srs.ops.CacheReconciliation;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The scheduled SRS jobs (domain §12.6): reconciliation and auto-archive daily, retention flagging weekly (Sunday
 * 02:00). Each runs on one node of the cluster at a time and records its run ({@link ClusterJobRunner}). Schedules
 * are settings ({@code memora.srs.operations.*-cron}, in {@code memora.srs.operations.zone}); with
 * {@code memora.scheduling.enabled=false} (tests, benchmarks) nothing triggers them and callers run them directly.
 * <p>
 * Each keeps its lock for a few minutes after it starts ({@code memora.srs.operations.lock-at-least-for.*}), so a
 * second node firing the same daily trigger a little later, by a clock a little behind, skips it.
 */
@Component
public class SrsScheduledJobs {

    public static final String RECONCILE = "srs-reconcile";
    public static final String AUTO_ARCHIVE = "srs-auto-archive";
    public static final String RETENTION = "srs-retention";

    private final ClusterJobRunner runner;
    private final CacheReconciliation reconciliation;
    private final AutoArchiving autoArchiving;
    private final ArchiveRetention retention;
    private final SrsOperationsProperties properties;

    SrsScheduledJobs(ClusterJobRunner runner, CacheReconciliation reconciliation, AutoArchiving autoArchiving,
                     ArchiveRetention retention, SrsOperationsProperties properties) {
        this.runner = runner;
        this.reconciliation = reconciliation;
        this.autoArchiving = autoArchiving;
        this.retention = retention;
        this.properties = properties;
    }

    /** A sample of the default size from every season that uses the cache. */
    @Scheduled(cron = "${memora.srs.operations.reconcile-cron:0 15 3 * * *}",
               zone = "${memora.srs.operations.zone:UTC}")
    public Optional<JobRun> reconcile() {
        return runner.runExclusively(RECONCILE, SrsOperationsProperties.LOCK_AT_MOST_FOR,
                                     properties.lockAtLeastFor().reconcile(),
                                     () -> reconciliation.reconcile(null, null));
    }

    @Scheduled(cron = "${memora.srs.operations.auto-archive-cron:0 30 1 * * *}",
               zone = "${memora.srs.operations.zone:UTC}")
    public Optional<JobRun> autoArchive() {
        return runner.runExclusively(AUTO_ARCHIVE,
                                     properties.autoArchiveWait().plus(SrsOperationsProperties.LOCK_AT_MOST_FOR),
                                     properties.lockAtLeastFor().autoArchive(), autoArchiving::run);
    }

    @Scheduled(cron = "${memora.srs.operations.retention-cron:0 0 2 * * SUN}",
               zone = "${memora.srs.operations.zone:UTC}")
    public Optional<JobRun> retention() {
        return runner.runExclusively(RETENTION, SrsOperationsProperties.LOCK_AT_MOST_FOR,
                                     properties.lockAtLeastFor().retention(), retention::flagExpired);
    }
}
