package com.memora.projection.srs.ops;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings of the operations ({@code memora.srs.operations.*}, bound in {@code infra}).
 *
 * @param reconcileSampleSize default sample of a reconciliation (domain: 10,000)
 * @param alertRate           a reconciliation alerts the administrators above this discrepancy rate (0.001 = 0.1 %)
 * @param archiveRetention    archived rows older than this are flagged as eligible for deletion (1,095 days)
 * @param trackerWait         how long an archive waits for the tracker to apply the season's last reviews
 * @param autoArchiveWait     how long the auto-archive run waits for each archive job it started
 * @param reconcileStaleAfter a queue a reconciliation saw behind the tracker is stale when a later one finds it still
 *                            behind that position at least this long after (5 min)
 */
public record SrsOperationsSettings(int reconcileSampleSize,
                                    double alertRate,
                                    Duration archiveRetention,
                                    Duration trackerWait,
                                    Duration autoArchiveWait,
                                    Duration reconcileStaleAfter) {

    public static final int MIN_SAMPLE = 100;
    public static final int MAX_SAMPLE = 100_000;

    public SrsOperationsSettings {
        Objects.requireNonNull(archiveRetention, "archiveRetention");
        Objects.requireNonNull(trackerWait, "trackerWait");
        Objects.requireNonNull(autoArchiveWait, "autoArchiveWait");
        Objects.requireNonNull(reconcileStaleAfter, "reconcileStaleAfter");
        if (reconcileSampleSize < MIN_SAMPLE || reconcileSampleSize > MAX_SAMPLE) {
            throw new IllegalArgumentException("the reconciliation sample is " + MIN_SAMPLE + " to " + MAX_SAMPLE);
        }
    }

    public static SrsOperationsSettings defaults() {
        return new SrsOperationsSettings(10_000, 0.001, Duration.ofDays(1_095), Duration.ofMinutes(2),
                                         Duration.ofHours(2), Duration.ofMinutes(5));
    }
}
