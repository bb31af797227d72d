package com.memora.infra.ops.history;

import com.memora.infra.export.ExportFixture;
import com.memora.infra.scheduling.ClusterJobRunner;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.kernel.ops.Alert;
import com.memora.kernel.ops.AlertSeverity;
import com.memora.kernel.ops.Alerts;
import com.memora.kernel.ops.BackgroundJobs;
import com.memora.kernel.ops.JobRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The nightly prune of the operational history: what is older than the retention (90 days) goes, the newest sync-log
 * entry of a plan and the newest run of a job stay however old, and a second run is harmless. Runs late: it removes
 * every class's old rows, not only its own.
 */
@Order(Order.DEFAULT + 103)
class OperationalHistoryPruningTest extends IntegrationTest {

    @Autowired
    Alerts alerts;
    @Autowired
    BackgroundJobs jobs;
    @Autowired
    ClusterJobRunner runner;
    @Autowired
    HistoryProperties properties;
    @Autowired
    OperationalHistoryPruning nightly;

    private ExportFixture export;
    private Instant now;

    @BeforeEach
    void setUp() {
        export = exportFixture();
        now = clock.instant();
        // the job keeps its cluster lock a few minutes after each run (ShedLock reads the database's clock)
        jdbc.sql("update shedlock set lock_until = timezone('utc', now()) where name = ?")
            .param(OperationalHistoryPruning.JOB_NAME).update();
    }

    @Test
    void rowsOlderThanTheRetentionGoExceptThePlansAndJobsNewest() {
        String job = "history-test-" + UUID.randomUUID();
        clock.freezeAt(now.minus(Duration.ofDays(100)));
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));
        String quietPlan = export.planOf(export.tree().get("subject")); // no later edit touches it
        long oldest = export.build(planId).id();
        ExportFixture.ok(export.editor.patch("/api/lessons/" + ids.get("lesson"), Map.of("title", "Limits")));
        long older = export.build(planId).id();
        long quietOnly = export.build(quietPlan).id();
        jdbc.sql("""
                 insert into export_sync_log_upload (log_id, path, local_md5, cdn_etag, size_bytes, attempts)
                 values (?, 'plans/x/manifest.json', 'a', 'a', 1, 1)
                 """).param(oldest).update();
        UUID oldJob = finishedJob();
        String oldAlert = "history-old-" + UUID.randomUUID();
        alerts.raise(new Alert("history-test", AlertSeverity.WARNING, "old", "raised 100 days ago", oldAlert));
        alerts.resolve(oldAlert);
        String stillOpen = "history-open-" + UUID.randomUUID();
        alerts.raise(new Alert("history-test", AlertSeverity.WARNING, "open", "raised 100 days ago, never over",
                               stillOpen));
        long firstRun = runner.runExclusively(job, Duration.ofMinutes(1), () -> Map.of()).orElseThrow().id();
        long lastRun = runner.runExclusively(job, Duration.ofMinutes(1), () -> Map.of()).orElseThrow().id();

        clock.freezeAt(now.minus(Duration.ofDays(10)));
        ExportFixture.ok(export.editor.patch("/api/lessons/" + ids.get("lesson"), Map.of("title", "Derivatives")));
        long recent = export.build(planId).id();
        UUID recentJob = finishedJob();
        String recentAlert = "history-recent-" + UUID.randomUUID();
        alerts.raise(new Alert("history-test", AlertSeverity.WARNING, "recent", "raised 10 days ago", recentAlert));

        clock.freezeAt(now);
        // batches of one, so the prune's loop runs many times
        Map<String, Object> removed = new OperationalHistoryPruning(
                runner, jdbc, new HistoryProperties(properties.retention(), 1), clock).prune();

        assertThat(logIds(planId)).as("the plan's two old entries go, its recent one stays")
                                  .containsExactly(recent).doesNotContain(oldest, older);
        assertThat(logIds(quietPlan)).as("a plan's newest entry stays however old").containsExactly(quietOnly);
        assertThat(jdbc.sql("select count(*) from export_sync_log_upload where log_id = ?").param(oldest)
                       .query(Long.class).single()).as("the entry's upload hashes go with it").isZero();
        var gone = export.admin.get("/api/admin/export/logs/" + oldest);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("type").asText()).isEqualTo("urn:memora:problem:sync-log-entry-not-found");
        assertThat(export.admin.get("/api/admin/jobs/" + oldJob).status()).isEqualTo(404);
        assertThat(export.admin.get("/api/admin/jobs/" + recentJob).status()).isEqualTo(200);
        assertThat(alertKeys()).as("an alert whose condition is not over stays").contains(recentAlert, stillOpen)
                               .doesNotContain(oldAlert);
        assertThat(runIds(job)).as("a job's newest run stays however old").containsExactly(lastRun)
                               .doesNotContain(firstRun);
        assertThat((Long) removed.get("sync_log_entries")).isGreaterThanOrEqualTo(2);
        assertThat((Long) removed.get("background_jobs")).isGreaterThanOrEqualTo(1);
        assertThat((Long) removed.get("scheduled_job_runs")).isGreaterThanOrEqualTo(1);
        assertThat((Long) removed.get("notifications")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theNightlyRunIsRecordedOnOneNodeAndASecondRunRemovesNothingMore() {
        clock.freezeAt(now.minus(Duration.ofDays(95)));
        String oldAlert = "history-nightly-" + UUID.randomUUID();
        alerts.raise(new Alert("history-test", AlertSeverity.INFO, "nightly", "raised 95 days ago", oldAlert));
        alerts.resolve(oldAlert);
        clock.freezeAt(now);

        JobRun first = nightly.pruneNightly().orElseThrow();
        assertThat(nightly.pruneNightly()).as("the lock is kept a few minutes after a run: a second node skips it")
                                          .isEmpty();
        jdbc.sql("update shedlock set lock_until = timezone('utc', now()) where name = ?")
            .param(OperationalHistoryPruning.JOB_NAME).update();
        JobRun second = nightly.pruneNightly().orElseThrow();

        assertThat(first.outcome()).isEqualTo("SUCCEEDED");
        assertThat(((Number) first.summary().get("notifications")).longValue()).isGreaterThanOrEqualTo(1);
        assertThat(alertKeys()).doesNotContain(oldAlert);
        assertThat(second.outcome()).isEqualTo("SUCCEEDED");
        assertThat(second.summary()).containsEntry("sync_log_entries", 0).containsEntry("notifications", 0)
                                    .containsEntry("background_jobs", 0).containsEntry("scheduled_job_runs", 0);
        assertThat(runIds(OperationalHistoryPruning.JOB_NAME)).contains(first.id(), second.id());
    }

    private UUID finishedJob() {
        UUID id = jobs.submit("history-test", "a job that ends at once", progress -> Map.of("ok", true));
        await().atMost(Duration.ofSeconds(10)).until(() -> jobs.find(id).orElseThrow().state().finished());
        return id;
    }

    private List<Long> logIds(String planId) {
        return jdbc.sql("select id from export_sync_log where plan_id = ? order by id").param(planId)
                   .query(Long.class).list();
    }

    private List<String> alertKeys() {
        return jdbc.sql("select dedup_key from notification").query(String.class).list();
    }

    private List<Long> runIds(String job) {
        return jdbc.sql("select id from scheduled_job_run where job_name = ? order by id").param(job)
                   .query(Long.class).list();
    }
}
