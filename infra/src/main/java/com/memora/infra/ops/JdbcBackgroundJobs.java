package com.memora.infra.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.memora.infra.config.NodeProperties;
import com.memora.kernel.ops.BackgroundJobs;
import com.memora.kernel.ops.JobProgress;
import com.memora.kernel.ops.JobState;
import com.memora.kernel.ops.JobStatus;
import com.memora.kernel.ops.JobWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs background jobs on a small pool and keeps their progress in the {@code background_job} table, which no
 * replay touches. A job reports progress as often as it likes; a flusher writes the latest figures of every
 * running job four times a second, so reporting every record stays cheap and a job that pauses still shows
 * where it is.
 * <p>
 * A job cut off by a stop of its node would show RUNNING forever. So the flusher also refreshes the heartbeat
 * ({@code updated_at}) of every job this node has accepted and not finished, every
 * {@code memora.jobs.heartbeat-interval}; and at start and every {@code memora.jobs.sweep-interval} each node marks
 * FAILED the RUNNING jobs that are not its own live ones and whose heartbeat is older than
 * {@code memora.jobs.stale-after} — a crashed node's jobs are closed by the others — as well as, at start, the jobs
 * its own previous process left (the node id is stable across restarts, {@code NodeProperties}).
 */
@Component
class JdbcBackgroundJobs implements BackgroundJobs, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JdbcBackgroundJobs.class);
    private static final Duration PROGRESS_FLUSH_INTERVAL = Duration.ofMillis(250);
    // measured with the monotonic timer: it limits reads, it is not business time
    private static final long CANCEL_CHECK_INTERVAL_NANOS = Duration.ofMillis(500).toNanos();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final String nodeId;
    private final ExecutorService executor;
    private final ScheduledExecutorService flusher;
    private final Set<ThrottledProgress> running = ConcurrentHashMap.newKeySet();
    /** Every job this process accepted and has not finished: queued for the pool or running. */
    private final Set<UUID> alive = ConcurrentHashMap.newKeySet();
    private final JobHeartbeatProperties heartbeat;
    private volatile long lastHeartbeat = System.nanoTime();

    JdbcBackgroundJobs(JdbcClient jdbc, ObjectMapper json, Clock clock, NodeProperties node,
                       JobHeartbeatProperties heartbeat) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.nodeId = node.nodeId();
        this.heartbeat = heartbeat;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "background-job-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "background-job-progress");
            thread.setDaemon(true);
            return thread;
        });
        long interval = PROGRESS_FLUSH_INTERVAL.toMillis();
        flusher.scheduleWithFixedDelay(this::flushRunning, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void flushRunning() {
        for (ThrottledProgress progress : running) {
            try {
                progress.flush();
            } catch (RuntimeException e) {
                log.warn("Could not record the progress of job {}: {}", progress.id, e.toString());
            }
        }
        // measured with the monotonic timer: it paces writes, it is not business time
        if (System.nanoTime() - lastHeartbeat >= heartbeat.heartbeatInterval().toNanos()) {
            try {
                beat();
            } catch (RuntimeException e) {
                log.warn("Could not refresh the heartbeat of this node's jobs: {}", e.toString());
            }
        }
    }

    /** Refreshes the heartbeat of every job this process has accepted and not finished. */
    void beat() {
        lastHeartbeat = System.nanoTime();
        if (alive.isEmpty()) {
            return;
        }
        jdbc.sql("update background_job set updated_at = :now where state = 'RUNNING' and id = any(:ids)")
            .param("now", now()).param("ids", alive.toArray(UUID[]::new)).update();
    }

    /** At start: also the jobs this node's previous process left RUNNING, however fresh their heartbeat. */
    @EventListener(ApplicationReadyEvent.class)
    void failJobsInterruptedByARestart() {
        failInterrupted(true);
    }

    /** Jobs of a node that stopped (no heartbeat for memora.jobs.stale-after), on any node. */
    @Scheduled(fixedDelayString = "${memora.jobs.sweep-interval:PT1M}",
               initialDelayString = "${memora.jobs.sweep-interval:PT1M}")
    public void failStaleJobs() {
        failInterrupted(false);
    }

    private void failInterrupted(boolean includingOwnLeftovers) {
        int interrupted = jdbc.sql("""
                                   update background_job set state = 'FAILED',
                                          error = 'interrupted (node ' || node_id || ' stopped)',
                                          finished_at = :now, updated_at = :now
                                   where state = 'RUNNING' and not (id = any(:alive))
                                     and (updated_at < :staleBefore or (:own and node_id = :node))
                                   """)
                              .param("now", now())
                              .param("alive", alive.toArray(UUID[]::new))
                              .param("staleBefore", now().minus(heartbeat.staleAfter()))
                              .param("own", includingOwnLeftovers)
                              .param("node", nodeId)
                              .update();
        if (interrupted > 0) {
            log.warn("{} background job(s) were interrupted by a stop of the node running them", interrupted);
        }
    }

    @Override
    public UUID submit(String type, String description, JobWork work) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                 insert into background_job (id, type, description, state, node_id, created_at, updated_at)
                 values (:id, :type, :description, 'RUNNING', :node, :now, :now)
                 """)
            .param("id", id).param("type", type).param("description", description)
            .param("node", nodeId).param("now", now())
            .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // submitted inside a transaction (an event handler, a command): the job's row and its work exist
            // only once that commits; a rollback leaves neither
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    start(id, type, work);
                }
            });
        } else {
            start(id, type, work);
        }
        return id;
    }

    private void start(UUID id, String type, JobWork work) {
        alive.add(id);
        executor.submit(() -> run(id, type, work));
    }

    private void run(UUID id, String type, JobWork work) {
        ThrottledProgress progress = new ThrottledProgress(id);
        running.add(progress);
        try {
            Map<String, Object> result = work.run(progress);
            progress.flush();
            finish(id, progress.cancelRequested() ? JobState.CANCELLED : JobState.SUCCEEDED, result, null);
        } catch (Exception e) {
            log.error("Background job {} ({}) failed", id, type, e);
            progress.flush();
            finish(id, JobState.FAILED, null, e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            running.remove(progress);
            alive.remove(id);
        }
    }

    private void finish(UUID id, JobState state, Map<String, Object> result, String error) {
        jdbc.sql("""
                 update background_job set state = :state, result = cast(:result as jsonb), error = :error,
                        finished_at = :now, updated_at = :now
                 where id = :id
                 """)
            .param("state", state.name()).param("result", toJson(result)).param("error", error)
            .param("now", now()).param("id", id)
            .update();
    }

    @Override
    public Optional<JobStatus> find(UUID id) {
        return jdbc.sql("select * from background_job where id = ?").param(id).query(rowMapper()).optional();
    }

    @Override
    public List<JobStatus> recent(int limit) {
        return jdbc.sql("select * from background_job order by created_at desc limit ?").param(limit)
                   .query(rowMapper()).list();
    }

    @Override
    public boolean requestCancel(UUID id) {
        return jdbc.sql("update background_job set cancel_requested = true where id = ? and state = 'RUNNING'")
                   .param(id).update() > 0;
    }

    @Override
    public void destroy() {
        flusher.shutdownNow();
        executor.shutdownNow();
    }

    private RowMapper<JobStatus> rowMapper() {
        return (rs, row) -> {
            long done = rs.getLong("done");
            long total = rs.getLong("total");
            JobState state = JobState.valueOf(rs.getString("state"));
            Double percent = null;
            if (total > 0) {
                percent = Math.min(100.0, Math.round(1000.0 * done / total) / 10.0);
            } else if (state == JobState.SUCCEEDED) {
                percent = 100.0;
            }
            OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
            return new JobStatus(rs.getObject("id", UUID.class), rs.getString("type"), rs.getString("description"),
                                 state, done, total, percent, rs.getString("message"),
                                 fromJson(rs.getString("details")), fromJson(rs.getString("result")),
                                 rs.getString("error"),
                                 rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                                 rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                                 finished == null ? null : finished.toInstant());
        };
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private String toJson(Map<String, Object> value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Job data is not serializable to JSON", e);
        }
    }

    private Map<String, Object> fromJson(String value) {
        try {
            return value == null ? null : json.readValue(value, MAP);
        } catch (JsonProcessingException e) {
            return Map.of("unreadable", value);
        }
    }

    /** The latest progress of one running job, written by the flusher when it changed. */
    private final class ThrottledProgress implements JobProgress {

        private final UUID id;
        private long done;
        private long total = -1;
        private String message;
        private Map<String, Object> details = Map.of();
        private long lastCancelCheck = System.nanoTime() - CANCEL_CHECK_INTERVAL_NANOS;
        private boolean cancelRequested;
        private boolean dirty;
        private final Object flushing = new Object();

        ThrottledProgress(UUID id) {
            this.id = id;
        }

        @Override
        public synchronized void update(long done, long total, String message, Map<String, Object> details) {
            this.done = done;
            this.total = total;
            this.message = message;
            this.details = details == null ? Map.of() : details;
            this.dirty = true;
        }

        /**
         * Writes the latest figures if they changed; the job's updates are only held while they are copied. Flushes
         * run one at a time (the flusher's and the job's last one), so an older copy never lands after a newer one
         * — or after the job's end.
         */
        void flush() {
            synchronized (flushing) {
                long doneNow;
                long totalNow;
                String messageNow;
                Map<String, Object> detailsNow;
                synchronized (this) {
                    if (!dirty) {
                        return;
                    }
                    doneNow = done;
                    totalNow = total;
                    messageNow = message;
                    detailsNow = details;
                    dirty = false;
                }
                jdbc.sql("""
                         update background_job set done = :done, total = :total, message = :message,
                                details = cast(:details as jsonb), updated_at = :now
                         where id = :id
                         """)
                    .param("done", doneNow).param("total", totalNow).param("message", messageNow)
                    .param("details", toJson(detailsNow)).param("now", now()).param("id", id)
                    .update();
            }
        }

        @Override
        public synchronized boolean cancelRequested() {
            if (!cancelRequested && System.nanoTime() - lastCancelCheck >= CANCEL_CHECK_INTERVAL_NANOS) {
                cancelRequested = jdbc.sql("select cancel_requested from background_job where id = ?")
                                      .param(id).query(Boolean.class).single();
                lastCancelCheck = System.nanoTime();
            }
            return cancelRequested;
        }
    }
}
