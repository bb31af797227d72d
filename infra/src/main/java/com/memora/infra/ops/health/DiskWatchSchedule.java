package com.memora.infra.ops.health;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

/**
 * The disk watch's own schedule (decisions O5: an alert within a minute). The shared scheduler's threads also run
 * long jobs — the nightly full scan (up to hours), cache reconciliation, archive retention — so a minute-by-minute
 * promise cannot ride on them: this schedule has one thread of its own. It keeps ShedLock's semantics of the other
 * jobs: each tick runs under the {@code disk-watch} lock, so one node of the cluster measures at a time.
 * <p>
 * Not a Spring {@code TaskScheduler} bean on purpose: one would make Spring Boot's shared scheduler back off.
 */
public class DiskWatchSchedule implements AutoCloseable {

    static final String LOCK_NAME = "disk-watch";
    private static final Logger log = LoggerFactory.getLogger(DiskWatchSchedule.class);

    private final Runnable check;
    private final LockingTaskExecutor locks;
    private final Duration interval;
    private final Duration lockAtMostFor;
    private final Clock clock;
    private final ThreadPoolTaskScheduler thread = new ThreadPoolTaskScheduler();
    private ScheduledFuture<?> task;

    /**
     * @param check         one measurement (the disk watch's check)
     * @param lockAtMostFor how long a node that died mid-check keeps the others from measuring
     */
    public DiskWatchSchedule(Runnable check, LockProvider lockProvider, Duration interval, Duration lockAtMostFor,
                             Clock clock) {
        this.check = check;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.interval = interval;
        this.lockAtMostFor = lockAtMostFor;
        this.clock = clock;
        thread.setPoolSize(1);
        thread.setThreadNamePrefix("disk-watch-");
        thread.setDaemon(true);
    }

    /** Starts ticking after {@code initialDelay}, then every interval. */
    public synchronized void start(Duration initialDelay) {
        thread.initialize();
        task = thread.scheduleAtFixedRate(this::tick, clock.instant().plus(initialDelay), interval);
    }

    /** One tick: the check under the cluster-wide lock; a failure is logged and the next tick comes anyway. */
    void tick() {
        try {
            locks.executeWithLock(check, new LockConfiguration(clock.instant(), LOCK_NAME, lockAtMostFor,
                                                               Duration.ZERO));
        } catch (RuntimeException e) {
            log.error("The disk watch could not measure the content root's volume: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (task != null) {
            task.cancel(false);
        }
        thread.shutdown();
    }
}
