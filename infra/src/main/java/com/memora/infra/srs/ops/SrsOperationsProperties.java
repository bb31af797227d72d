package com.memora.infra.srs.ops;

import com.memora.projection.srs.ops.SrsOperationsSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * SRS operations settings ({@code memora.srs.operations.*}; README "Spaced repetition — operations"). The job
 * schedules ({@code reconcile-cron}, {@code auto-archive-cron}, {@code retention-cron}, {@code zone}) are read by
 * {@link SrsScheduledJobs}' annotations.
 *
 * @param reconcileSampleSize default reconciliation sample (100 to 100,000)
 * @param reconcileAlertRate  alert above this discrepancy rate (0.001 = 0.1 %)
 * @param archiveRetention    archived rows are flagged as eligible for deletion after this long (at least a day)
 * @param trackerWait         how long an archive waits for the tracker to apply the season's last reviews
 * @param autoArchiveWait     how long the daily auto-archive waits for the archive jobs it starts
 * @param reconcileStaleAfter a queue seen behind the tracker by a reconciliation, and still behind that position this
 *                            long after, at the next one, is stale (dropped and rebuilt)
 * @param lockAtLeastFor      per scheduled job, how long its cluster lock is kept after a run starts
 */
@ConfigurationProperties("memora.srs.operations")
public record SrsOperationsProperties(Integer reconcileSampleSize,
                                      Double reconcileAlertRate,
                                      Duration archiveRetention,
                                      Duration trackerWait,
                                      Duration autoArchiveWait,
                                      Duration reconcileStaleAfter,
                                      LockAtLeastFor lockAtLeastFor) {

    /** Job locks are held at most this long when a node dies mid-run (auto-archive: its wait plus this). */
    static final Duration LOCK_AT_MOST_FOR = Duration.ofHours(1);

    public SrsOperationsProperties {
        SrsOperationsSettings defaults = SrsOperationsSettings.defaults();
        reconcileSampleSize = reconcileSampleSize == null ? defaults.reconcileSampleSize() : reconcileSampleSize;
        reconcileAlertRate = reconcileAlertRate == null ? defaults.alertRate() : reconcileAlertRate;
        archiveRetention = archiveRetention == null ? defaults.archiveRetention() : archiveRetention;
        trackerWait = trackerWait == null ? defaults.trackerWait() : trackerWait;
        autoArchiveWait = autoArchiveWait == null ? defaults.autoArchiveWait() : autoArchiveWait;
        reconcileStaleAfter = reconcileStaleAfter == null ? defaults.reconcileStaleAfter() : reconcileStaleAfter;
        lockAtLeastFor = lockAtLeastFor == null ? new LockAtLeastFor(null, null, null) : lockAtLeastFor;
        if (archiveRetention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("memora.srs.operations.archive-retention is at least 1d");
        }
    }

    SrsOperationsSettings settings() {
        return new SrsOperationsSettings(reconcileSampleSize, reconcileAlertRate, archiveRetention, trackerWait,
                                         autoArchiveWait, reconcileStaleAfter);
    }

    /**
     * How long each scheduled job keeps its cluster lock after a run starts, however short the run (ShedLock's
     * {@code lockAtLeastFor}): more than the clocks of the nodes differ, so a node whose trigger fires a little later
     * skips the run instead of repeating it. At most {@link #LOCK_AT_MOST_FOR}. Default 5 minutes each.
     */
    public record LockAtLeastFor(Duration reconcile, Duration autoArchive, Duration retention) {

        private static final Duration DEFAULT = Duration.ofMinutes(5);

        public LockAtLeastFor {
            reconcile = valid("reconcile", reconcile);
            autoArchive = valid("auto-archive", autoArchive);
            retention = valid("retention", retention);
        }

        private static Duration valid(String job, Duration value) {
            Duration chosen = value == null ? DEFAULT : value;
            if (chosen.isNegative() || chosen.compareTo(LOCK_AT_MOST_FOR) > 0) {
                throw new IllegalArgumentException("memora.srs.operations.lock-at-least-for." + job
                                                   + " is between 0 and " + LOCK_AT_MOST_FOR);
            }
            return chosen;
        }
    }
}
