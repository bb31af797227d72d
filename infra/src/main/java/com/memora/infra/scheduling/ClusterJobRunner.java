package com.memora.infra.scheduling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.memora.infra.config.NodeProperties;
import com.memora.infra.ops.JobHeartbeatProperties;
import com.memora.kernel.ops.JobRun;
import com.memora.kernel.ops.JobRuns;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a scheduled job on one node of the cluster at a time and records the run (decisions O7; issue 7). The lock is
 * ShedLock's, in PostgreSQL (table {@code shedlock}, database time, so nodes with skewed clocks agree) — the same
 * locks {@code @SchedulerLock} takes — used through its executor here so that taking the lock and recording the run
 * are one step that tests can drive with scheduling off. A node that finds the lock taken runs nothing and records
 * nothing. Runs are kept in {@code scheduled_job_run}: node, start, end (service clock), outcome, summary or error.
 * <p>
 * A job keeps its lock for at least {@code lockAtLeastFor} after it starts, even when it finishes sooner: a second
 * node whose trigger fires a little later (its clock a little behind) then finds the lock taken and skips the run,
 * instead of running a daily job twice.
 * <p>
 * A run cut off by a stop of its node would show RUNNING forever: while a run lasts its heartbeat (table
 * {@code scheduled_job_run_heartbeat}) is refreshed every {@code memora.jobs.heartbeat-interval}, and at start and
 * every {@code memora.jobs.sweep-interval} each node marks FAILED the RUNNING runs that are not its own live ones and whose heartbeat is older than
 * {@code memora.jobs.stale-after}, plus at start those its own previous process left.
 */
@Component
public class ClusterJobRunner implements JobRuns, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ClusterJobRunner.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final String nodeId;
    private final LockingTaskExecutor locks;
    private final JobHeartbeatProperties heartbeat;
    /** The runs this process is making now. */
    private final Set<Long> alive = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeats;

    ClusterJobRunner(JdbcClient jdbc, DataSource dataSource, ObjectMapper json, Clock clock, NodeProperties node,
                     JobHeartbeatProperties heartbeat) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.nodeId = node.nodeId();
        this.heartbeat = heartbeat;
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "scheduled-run-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long interval = heartbeat.heartbeatInterval().toMillis();
        heartbeats.scheduleWithFixedDelay(this::beatSafely, interval, interval, TimeUnit.MILLISECONDS);
        this.locks = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(
                JdbcTemplateLockProvider.Configuration.builder()
                                                      .withJdbcTemplate(new JdbcTemplate(dataSource))
                                                      .withTableName("shedlock")
                                                      .withLockedByValue(nodeId) // which node runs it
                                                      .usingDbTime()
                                                      .build()));
    }

    /** {@link #runExclusively(String, Duration, Duration, JobBody)} with no lock kept after the run. */
    public Optional<JobRun> runExclusively(String jobName, Duration lockAtMostFor, JobBody body) {
        return runExclusively(jobName, lockAtMostFor, Duration.ZERO, body);
    }

    /**
     * Runs the job if no other node is running it, and records the run.
     *
     * @param lockAtMostFor  how long the lock outlives a node that died while running the job
     * @param lockAtLeastFor how long after the start the lock is kept, however short the run: longer than the clock
     *                       skew between nodes, so that no other node's trigger runs the job again
     * @return the recorded run; empty when another node holds the job's lock
     */
    public Optional<JobRun> runExclusively(String jobName, Duration lockAtMostFor, Duration lockAtLeastFor,
                                           JobBody body) {
        try {
            LockingTaskExecutor.TaskResult<JobRun> result = locks.executeWithLock(
                    () -> record(jobName, body), new LockConfiguration(clock.instant(), jobName, lockAtMostFor,
                                                                       lockAtLeastFor));
            if (!result.wasExecuted()) {
                log.info("Scheduled job {} is running on another node; skipped here", jobName);
                return Optional.empty();
            }
            return Optional.of(result.getResult());
        } catch (Throwable e) { // record() catches the job's own failures; this is the lock store failing
            log.error("Scheduled job {} could not take its lock", jobName, e);
            return Optional.empty();
        }
    }

    private JobRun record(String jobName, JobBody body) {
        long id = jdbc.sql("""
                           insert into scheduled_job_run (job_name, node_id, started_at, outcome)
                           values (?, ?, ?, 'RUNNING') returning id
                           """)
                      .params(jobName, nodeId, now()).query(Long.class).single();
        jdbc.sql("insert into scheduled_job_run_heartbeat (run_id, heartbeat_at) values (?, ?)")
            .params(id, now()).update();
        alive.add(id);
        try {
            Object summary = body.run();
            jdbc.sql("""
                     update scheduled_job_run set outcome = 'SUCCEEDED', finished_at = ?, summary = cast(? as jsonb)
                     where id = ?
                     """)
                .params(now(), toJson(summary), id).update();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("Scheduled job {} failed", jobName, e);
            jdbc.sql("update scheduled_job_run set outcome = 'FAILED', finished_at = ?, error = ? where id = ?")
                .params(now(), e.getMessage() == null ? e.toString() : e.getMessage(), id).update();
        } finally {
            alive.remove(id);
            jdbc.sql("delete from scheduled_job_run_heartbeat where run_id = ?").param(id).update();
        }
        return jdbc.sql("select * from scheduled_job_run where id = ?").param(id).query(rowMapper()).single();
    }

    private void beatSafely() {
        try {
            beat();
        } catch (RuntimeException e) {
            log.warn("Could not refresh the heartbeat of this node's scheduled runs: {}", e.toString());
        }
    }

    /** Refreshes the heartbeat of every run this process is making. */
    void beat() {
        if (!alive.isEmpty()) {
            jdbc.sql("update scheduled_job_run_heartbeat set heartbeat_at = :now where run_id = any(:ids)")
                .param("now", now()).param("ids", alive.toArray(Long[]::new)).update();
        }
    }

    /** At start: also the runs this node's previous process left RUNNING, however fresh their heartbeat. */
    @EventListener(ApplicationReadyEvent.class)
    public void failRunsInterruptedByARestart() {
        failInterrupted(true);
    }

    /** Runs of a node that stopped (no heartbeat for memora.jobs.stale-after), on any node. */
    @Scheduled(fixedDelayString = "${memora.jobs.sweep-interval:PT1M}",
               initialDelayString = "${memora.jobs.sweep-interval:PT1M}")
    public void failStaleRuns() {
        failInterrupted(false);
    }

    private void failInterrupted(boolean includingOwnLeftovers) {
        int interrupted = jdbc.sql("""
                                   update scheduled_job_run run set outcome = 'FAILED', finished_at = :now,
                                          error = 'interrupted (node ' || node_id || ' stopped)'
                                   where outcome = 'RUNNING' and not (id = any(:alive))
                                     and (coalesce((select heartbeat_at from scheduled_job_run_heartbeat
                                                    where run_id = run.id), started_at) < :staleBefore
                                          or (:own and node_id = :node))
                                   """)
                              .param("now", now())
                              .param("alive", alive.toArray(Long[]::new))
                              .param("staleBefore", now().minus(heartbeat.staleAfter()))
                              .param("own", includingOwnLeftovers)
                              .param("node", nodeId)
                              .update();
        jdbc.sql("""
                 delete from scheduled_job_run_heartbeat heartbeat
                 where not exists (select 1 from scheduled_job_run run
                                   where run.id = heartbeat.run_id and run.outcome = 'RUNNING')
                 """).update();
        if (interrupted > 0) {
            log.warn("{} scheduled job run(s) were interrupted by a stop of the node making them", interrupted);
        }
    }

    @Override
    public void destroy() {
        heartbeats.shutdownNow();
    }

    @Override
    public List<JobRun> recent(String jobNameOrNull, int limit) {
        return jdbc.sql("""
                        select * from scheduled_job_run where (cast(:job as varchar) is null or job_name = :job)
                        order by started_at desc, id desc limit :limit
                        """)
                   .param("job", jobNameOrNull).param("limit", limit)
                   .query(rowMapper()).list();
    }

    private RowMapper<JobRun> rowMapper() {
        return (rs, row) -> {
            OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
            return new JobRun(rs.getLong("id"), rs.getString("job_name"), rs.getString("node_id"),
                              rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                              finished == null ? null : finished.toInstant(), rs.getString("outcome"),
                              fromJson(rs.getString("summary")), rs.getString("error"));
        };
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private String toJson(Object summary) {
        try {
            return summary == null ? null : json.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            return "{\"unserializable\": true}";
        }
    }

    private Map<String, Object> fromJson(String value) {
        try {
            return value == null ? null : json.readValue(value, MAP);
        } catch (JsonProcessingException e) {
            return Map.of("unreadable", value);
        }
    }

    /** A scheduled job's work; what it returns is the run's summary (serialized as JSON). */
    @FunctionalInterface
    public interface JobBody {

        Object run() throws Exception;
    }
}
