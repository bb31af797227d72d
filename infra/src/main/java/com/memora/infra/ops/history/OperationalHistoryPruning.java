package com.memora.infra.ops.history;

import com.memora.infra.scheduling.ClusterJobRunner;
import com.memora.kernel.ops.JobRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * Keeps the operational tables from growing without end: every night, on one node of the cluster
 * ({@link ClusterJobRunner}, which records the run), what is older than {@code memora.history.retention} goes —
 * <ul>
 *   <li>sync-log entries (decisions O2) with the upload hashes they recorded, except each plan's newest entry and
 *       any entry a plan's publication state or CDN debt still points at;</li>
 *   <li>finished background jobs (an old job id then answers 404 at {@code GET /api/admin/jobs/{id}});</li>
 *   <li>finished scheduled-job runs, except each job's newest run;</li>
 *   <li>notifications resolved before the cutoff; an open one stays, however old (a plan still dead-lettered
 *       keeps its alert), and there is at most one open notification per alert key.</li>
 * </ul>
 * Rows go in batches of {@code memora.history.batch-size}, each its own statement, so a first prune of a large
 * history never holds a long lock on a table the builds write to. Content health runs have their own retention
 * (pruned by the nightly full scan). Nothing here is part of the event store: no replay brings these rows back, and
 * none is needed to rebuild a projection.
 */
@Component
public class OperationalHistoryPruning {

    public static final String JOB_NAME = "ops-history-prune";
    private static final Logger log = LoggerFactory.getLogger(OperationalHistoryPruning.class);
    private static final Duration LOCK_AT_MOST_FOR = Duration.ofHours(1);
    /** Longer than the clock skew between nodes: a node firing the same nightly trigger a little later skips it. */
    private static final Duration LOCK_AT_LEAST_FOR = Duration.ofMinutes(5);

    private final ClusterJobRunner runner;
    private final JdbcClient jdbc;
    private final HistoryProperties properties;
    private final Clock clock;

    OperationalHistoryPruning(ClusterJobRunner runner, JdbcClient jdbc, HistoryProperties properties, Clock clock) {
        this.runner = runner;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** The nightly run; empty when another node is running it. */
    @Scheduled(cron = "${memora.history.prune-cron:0 45 3 * * *}", zone = "${memora.history.zone:UTC}")
    public Optional<JobRun> pruneNightly() {
        return runner.runExclusively(JOB_NAME, LOCK_AT_MOST_FOR, LOCK_AT_LEAST_FOR, this::prune);
    }

    /** Removes what is older than the retention; returns how many rows of each kind went. */
    Map<String, Object> prune() {
        OffsetDateTime cutoff = clock.instant().minus(properties.retention()).atOffset(ZoneOffset.UTC);
        Map<String, Object> removed = new LinkedHashMap<>();
        removed.put("older_than", cutoff.toInstant().toString());
        removed.put("sync_log_entries", inBatches(() -> syncLogBatch(cutoff)));
        removed.put("background_jobs", inBatches(() -> jdbc.sql("""
                delete from background_job where id in (
                    select id from background_job where finished_at < :cutoff limit :batch)
                """).param("cutoff", cutoff).param("batch", properties.batchSize()).update()));
        removed.put("scheduled_job_runs", inBatches(() -> jdbc.sql("""
                delete from scheduled_job_run where id in (
                    select run.id from scheduled_job_run run
                    where run.outcome <> 'RUNNING' and run.started_at < :cutoff
                      and exists (select 1 from scheduled_job_run newer
                                  where newer.job_name = run.job_name and newer.id > run.id)
                    limit :batch)
                """).param("cutoff", cutoff).param("batch", properties.batchSize()).update()));
        removed.put("notifications", inBatches(() -> jdbc.sql("""
                delete from notification where id in (
                    select id from notification where resolved_at < :cutoff limit :batch)
                """).param("cutoff", cutoff).param("batch", properties.batchSize()).update()));
        log.info("Operational history older than {} removed: {}", properties.retention(), removed);
        return removed;
    }

    /** One batch of old sync-log entries and, in the same statement, the upload hashes they recorded. */
    private int syncLogBatch(OffsetDateTime cutoff) {
        return jdbc.sql("""
                        with doomed as (
                            select entry.id from export_sync_log entry
                            where entry.finished_at < :cutoff
                              and exists (select 1 from export_sync_log newer
                                          where newer.plan_id = entry.plan_id and newer.id > entry.id)
                              and not exists (select 1 from export_plan_state state
                                              where state.last_log_id = entry.id)
                              and not exists (select 1 from cdn_plan_debt debt
                                              where debt.last_log_id = entry.id)
                            order by entry.id limit :batch),
                        gone as (delete from export_sync_log entry using doomed
                                 where entry.id = doomed.id returning entry.id),
                        uploads as (delete from export_sync_log_upload upload using gone
                                    where upload.log_id = gone.id)
                        select count(*) from gone
                        """)
                   .param("cutoff", cutoff).param("batch", properties.batchSize())
                   .query(Integer.class).single();
    }

    private long inBatches(IntSupplier batch) {
        long total = 0;
        int removed;
        do {
            removed = batch.getAsInt();
            total += removed;
        } while (removed >= properties.batchSize());
        return total;
    }
}
