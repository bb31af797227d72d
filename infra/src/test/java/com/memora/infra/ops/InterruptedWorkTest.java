package com.memora.infra.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.scheduling.ClusterJobRunner;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestTokens;
import com.memora.kernel.ops.BackgroundJobs;
import com.memora.kernel.ops.JobRun;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Work cut off by a stop of its node does not show RUNNING forever: the node's next start closes what its previous
 * process left (the node id is the same across restarts), and any node closes the work of a node whose heartbeat
 * stopped. Work in progress keeps its heartbeat fresh and is never closed.
 */
class InterruptedWorkTest extends IntegrationTest {

    private static final Duration STALE = Duration.ofMinutes(3); // memora.jobs.stale-after is 2 minutes

    @Autowired
    BackgroundJobs jobs;

    @Autowired
    JdbcBackgroundJobs jobStore;

    @Autowired
    ClusterJobRunner runner;

    private OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private UUID jobRow(String node, Instant heartbeat) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                 insert into background_job (id, type, description, state, node_id, created_at, updated_at)
                 values (?, 'test', 'left running', 'RUNNING', ?, ?, ?)
                 """).params(id, node, at(heartbeat), at(heartbeat)).update();
        return id;
    }

    private long runRow(String node, Instant heartbeat) {
        long id = jdbc.sql("""
                           insert into scheduled_job_run (job_name, node_id, started_at, outcome)
                           values ('test-job', ?, ?, 'RUNNING') returning id
                           """).params(node, at(heartbeat)).query(Long.class).single();
        jdbc.sql("insert into scheduled_job_run_heartbeat (run_id, heartbeat_at) values (?, ?)")
            .params(id, at(heartbeat)).update();
        return id;
    }

    private String runOutcome(long id) {
        return jdbc.sql("select outcome || ' ' || coalesce(error, '') from scheduled_job_run where id = ?").param(id)
                   .query(String.class).single().strip();
    }

    @Test
    void aCrashedNodesJobsAreClosedByAnotherNodeAndRunningOnesKeepTheirHeartbeat() {
        ApiClient admin = api(TestTokens.admin());
        UUID crashed = jobRow("crashed-node", clock.instant());
        CountDownLatch finish = new CountDownLatch(1);
        UUID live = jobs.submit("test", "runs until told", progress -> {
            finish.await(30, TimeUnit.SECONDS);
            return Map.of();
        });

        clock.advance(STALE);
        UUID otherNodeBusy = jobRow("busy-node", clock.instant());
        jobStore.failStaleJobs();

        JsonNode closed = admin.get("/api/admin/jobs/" + crashed).json();
        assertThat(closed.get("state").asText()).isEqualTo("FAILED");
        assertThat(closed.get("error").asText()).isEqualTo("interrupted (node crashed-node stopped)");
        assertThat(closed.hasNonNull("finished_at")).isTrue();
        assertThat(admin.get("/api/admin/jobs/" + otherNodeBusy).json().get("state").asText())
                .as("a fresh heartbeat: the other node is still at work").isEqualTo("RUNNING");
        assertThat(admin.get("/api/admin/jobs/" + live).json().get("state").asText()).isEqualTo("RUNNING");
        Instant advanced = clock.instant();
        await().atMost(Duration.ofSeconds(15)).until(
                () -> !Instant.parse(admin.get("/api/admin/jobs/" + live).json().get("updated_at").asText())
                              .isBefore(advanced));

        finish.countDown();
        await().atMost(Duration.ofSeconds(10)).until(
                () -> admin.get("/api/admin/jobs/" + live).json().get("state").asText().equals("SUCCEEDED"));
        jdbc.sql("delete from background_job where id = ?").param(otherNodeBusy).update();
    }

    @Test
    void onStartANodeClosesTheJobsItsPreviousProcessLeftRunning() {
        UUID leftover = jobRow("test-node", clock.instant()); // this node's id, as its last process wrote it
        CountDownLatch finish = new CountDownLatch(1);
        UUID live = jobs.submit("test", "runs until told", progress -> {
            finish.await(30, TimeUnit.SECONDS);
            return Map.of();
        });

        jobStore.failJobsInterruptedByARestart();

        ApiClient admin = api(TestTokens.admin());
        JsonNode closed = admin.get("/api/admin/jobs/" + leftover).json();
        assertThat(closed.get("state").asText()).isEqualTo("FAILED");
        assertThat(closed.get("error").asText()).isEqualTo("interrupted (node test-node stopped)");
        assertThat(admin.get("/api/admin/jobs/" + live).json().get("state").asText()).isEqualTo("RUNNING");
        finish.countDown();
        await().atMost(Duration.ofSeconds(10)).until(
                () -> admin.get("/api/admin/jobs/" + live).json().get("state").asText().equals("SUCCEEDED"));
    }

    @Test
    void scheduledRunsAreClosedTheSameWay() {
        long crashed = runRow("crashed-node", clock.instant());
        long leftover = runRow("test-node", clock.instant());
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Optional<JobRun>> live = CompletableFuture.supplyAsync(
                () -> runner.runExclusively("test-heartbeat-" + UUID.randomUUID().toString().substring(0, 8),
                                            Duration.ofMinutes(5), () -> {
                            started.countDown();
                            finish.await(30, TimeUnit.SECONDS);
                            return Map.of("done", true);
                        }));
        await().atMost(Duration.ofSeconds(10)).until(() -> started.getCount() == 0);
        long liveId = jdbc.sql("select id from scheduled_job_run where job_name like 'test-heartbeat-%' "
                               + "and outcome = 'RUNNING' order by id desc limit 1").query(Long.class).single();

        runner.failRunsInterruptedByARestart();
        assertThat(runOutcome(leftover)).isEqualTo("FAILED interrupted (node test-node stopped)");
        assertThat(runOutcome(crashed)).as("another node's run with a fresh heartbeat").isEqualTo("RUNNING");

        clock.advance(STALE);
        runner.failStaleRuns();
        assertThat(runOutcome(crashed)).isEqualTo("FAILED interrupted (node crashed-node stopped)");
        assertThat(runOutcome(liveId)).isEqualTo("RUNNING");
        Instant advanced = clock.instant();
        await().atMost(Duration.ofSeconds(15)).until(
                () -> !jdbc.sql("select heartbeat_at from scheduled_job_run_heartbeat where run_id = ?").param(liveId)
                           .query(OffsetDateTime.class).single().toInstant().isBefore(advanced));

        finish.countDown();
        assertThat(live.join()).get().extracting(JobRun::outcome).isEqualTo("SUCCEEDED");
    }
}
