package com.memora.infra.ops.health;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The schedules of issue 8, each on one node of the cluster at a time (ShedLock, decisions O7): the quick check
 * every hour (it records itself as skipped outside business hours, O9) and the full scan every night, both in the
 * business hours' time zone. The disk watch runs on a thread of its own ({@link DiskWatchScheduling}). Off with the other scheduled jobs
 * ({@code memora.scheduling.enabled=false}, as in tests, which call the job methods with a moved clock).
 */
@Component
@ConditionalOnProperty(name = "memora.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class ContentHealthScheduler {

    private static final Logger log = LoggerFactory.getLogger(ContentHealthScheduler.class);

    private final ContentHealthJobs jobs;

    ContentHealthScheduler(ContentHealthJobs jobs) {
        this.jobs = jobs;
    }

    /** lockAtLeastFor: a node whose clock is a little behind must not run the same hour's check again. */
    @Scheduled(cron = "${memora.health.quick-check-cron:0 0 * * * *}",
               zone = "${memora.health.business-hours.zone:UTC}")
    @SchedulerLock(name = "content-health-quick", lockAtMostFor = "PT50M", lockAtLeastFor = "PT2M")
    void hourlyQuickCheck() {
        try {
            jobs.hourlyQuickCheck();
        } catch (RuntimeException e) {
            log.error("The hourly content quick check failed: {}", e.toString());
        }
    }

    @Scheduled(cron = "${memora.health.full-scan-cron:0 30 2 * * *}",
               zone = "${memora.health.business-hours.zone:UTC}")
    @SchedulerLock(name = "content-health-full", lockAtMostFor = "PT6H", lockAtLeastFor = "PT2M")
    void nightlyFullScan() {
        try {
            jobs.nightlyFullScan();
        } catch (RuntimeException e) {
            log.error("The nightly content full scan failed: {}", e.toString());
        }
    }
}
