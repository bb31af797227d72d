package com.memora.infra.ops.history;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How long the operational history is kept (README "Operations"): sync-log entries with their upload hashes, finished
 * background jobs, scheduled-job runs and resolved notifications older than {@code retention} are removed by the
 * nightly prune ({@code memora.history.prune-cron}, read by the trigger itself). The newest entry of each plan and of each
 * scheduled job always stays, so the dashboard can still say when a plan was last built or a job last ran.
 *
 * @param retention rows older than this go (default 90 days)
 * @param batchSize rows deleted per statement, so that no prune holds long locks on a busy table
 */
@ConfigurationProperties("memora.history")
public record HistoryProperties(Duration retention, Integer batchSize) {

    public HistoryProperties {
        retention = retention == null ? Duration.ofDays(90) : retention;
        batchSize = batchSize == null ? 5_000 : batchSize;
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("memora.history.retention must be positive, was " + retention);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("memora.history.batch-size must be at least 1, was " + batchSize);
        }
    }
}
