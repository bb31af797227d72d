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
 */
@ConfigurationProperties("memora.srs.operations")
public record SrsOperationsProperties(Integer reconcileSampleSize,
                                      Double reconcileAlertRate,
                                      Duration archiveRetention,
                                      Duration trackerWait,
                                      Duration autoArchiveWait) {

    public SrsOperationsProperties {
        SrsOperationsSettings defaults = SrsOperationsSettings.defaults();
        reconcileSampleSize = reconcileSampleSize == null ? defaults.reconcileSampleSize() : reconcileSampleSize;
        reconcileAlertRate = reconcileAlertRate == null ? defaults.alertRate() : reconcileAlertRate;
        archiveRetention = archiveRetention == null ? defaults.archiveRetention() : archiveRetention;
        trackerWait = trackerWait == null ? defaults.trackerWait() : trackerWait;
        autoArchiveWait = autoArchiveWait == null ? defaults.autoArchiveWait() : autoArchiveWait;
        if (archiveRetention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("memora.srs.operations.archive-retention is at least 1d");
        }
    }

    SrsOperationsSettings settings() {
        return new SrsOperationsSettings(reconcileSampleSize, reconcileAlertRate, archiveRetention, trackerWait,
                                         autoArchiveWait);
    }
}
