package com.memora.infra.ops.health;

import com.memora.projection.export.pipeline.DiskWatch;
import net.javacrumbs.shedlock.core.LockProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * The disk watch every {@code memora.health.disk-watch-interval} on a thread of its own ({@link DiskWatchSchedule}),
 * so a long job on the shared scheduler cannot delay it (O5). Off with the other scheduled jobs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "memora.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class DiskWatchScheduling {

    @Bean(destroyMethod = "close")
    DiskWatchSchedule diskWatchSchedule(DiskWatch diskWatch, LockProvider lockProvider,
                                        ContentHealthProperties properties, Clock clock) {
        DiskWatchSchedule schedule = new DiskWatchSchedule(diskWatch::check, lockProvider,
                                                           properties.diskWatchInterval(), Duration.ofMinutes(5),
                                                           clock);
        schedule.start(Duration.ofSeconds(5));
        return schedule;
    }
}
