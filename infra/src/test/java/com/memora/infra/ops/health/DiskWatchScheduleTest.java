package com.memora.infra.ops.health;

import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestTokens;
import com.memora.projection.export.pipeline.BatchRun;
import com.memora.projection.export.pipeline.DiskWatch;
import com.memora.projection.export.pipeline.ExportBatch;
import com.memora.projection.export.staging.DiskSpace;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The disk watch keeps its one-minute promise (O5) whatever the shared scheduler is doing: it ticks on a thread of
 * its own, and, like every scheduled job, on one node at a time (the ShedLock {@code disk-watch} lock in
 * PostgreSQL). The interval is shortened here; the service's is a minute.
 */
class DiskWatchScheduleTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    DiskWatch diskWatch;
    @Autowired
    ExportBatch batch;

    @Test
    void theDiskWatchTicksOnItsOwnThreadWhileTheSharedSchedulerIsBusyAndOnOneNodeAtATime() {
        LockProvider shedLock = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).withTableName("shedlock").usingDbTime().build());
        // the shared scheduler's four threads are all busy with long jobs (a nightly full scan, a reconciliation…)
        ThreadPoolTaskScheduler shared = new ThreadPoolTaskScheduler();
        shared.setPoolSize(4);
        shared.initialize();
        CountDownLatch longJobs = new CountDownLatch(1);
        for (int job = 0; job < 4; job++) {
            shared.execute(() -> {
                try {
                    longJobs.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        AtomicInteger checks = new AtomicInteger();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        DiskWatchSchedule schedule = new DiskWatchSchedule(() -> {
            threads.add(Thread.currentThread().getName());
            diskWatch.check();
            checks.incrementAndGet();
        }, shedLock, Duration.ofMillis(100), Duration.ofMinutes(5), clock);
        try {
            freeSpace.simulate(new DiskSpace(3, 100));
            schedule.start(Duration.ZERO);
            await().atMost(Duration.ofSeconds(10)).until(() -> checks.get() >= 3);
            assertThat(threads).allMatch(name -> name.startsWith("disk-watch-"));
            assertThat(admin().get("/api/admin/health/disk").json().get("generation_paused").asBoolean())
                    .as("low disk noticed while every shared thread is busy").isTrue();

            // another node holds the disk watch's lock: this one does not measure meanwhile. A tick holds the lock
            // while it checks, so the other node takes it between two ticks.
            SimpleLock otherNode = await("the disk watch's lock between two ticks")
                    .pollInterval(Duration.ofMillis(10)).atMost(Duration.ofSeconds(5))
                    .until(() -> shedLock.lock(new LockConfiguration(Instant.now(), DiskWatchSchedule.LOCK_NAME,
                                                                      Duration.ofMinutes(5), Duration.ZERO)),
                           Optional::isPresent)
                    .orElseThrow();
            int beforeOther = awaitTickBoundary(checks);
            await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2))
                   .until(() -> checks.get() == beforeOther);
            otherNode.unlock();
            await().atMost(Duration.ofSeconds(10)).until(() -> checks.get() > beforeOther);
        } finally {
            schedule.close();
            longJobs.countDown();
            shared.shutdown();
            freeSpace.reset();
            diskWatch.check();
            // the recovery woke the batch processor: let that run end before the next test
            await().atMost(Duration.ofSeconds(30)).until(() -> batch.runNow().result() != BatchRun.Result.BUSY);
        }
    }

    /** A tick that started before the other node took the lock may still finish; wait for it. */
    private static int awaitTickBoundary(AtomicInteger checks) {
        int[] last = {checks.get()};
        await().pollInterval(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> {
            int now = checks.get();
            boolean settled = now == last[0];
            last[0] = now;
            return settled;
        });
        return last[0];
    }

    private ApiClient admin() {
        return api(TestTokens.admin());
    }
}
