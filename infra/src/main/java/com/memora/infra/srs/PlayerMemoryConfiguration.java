package com.memora.infra.srs;

import com.memora.command.srs.ReviewLimits;
import com.memora.kernel.srs.fsrs.FsrsScheduler;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The player-memory aggregate's resources: the scheduler (FSRS-6 with fsrs.md's defaults: retention 0.9, 36,500
 * days, steps 1 min + 10 min, relearning 10 min, fuzz off; fuzz, retention and the maximum interval are settings,
 * {@code memora.srs.fsrs.*}), its limits, its snapshot trigger and its cache.
 */
@Configuration(proxyBeanMethods = false)
public class PlayerMemoryConfiguration {

    @Bean
    FsrsScheduler fsrsScheduler(SrsProperties properties) {
        return new FsrsScheduler(properties.fsrs().parameters());
    }

    @Bean
    ReviewLimits reviewLimits(SrsProperties properties) {
        return new ReviewLimits(properties.maxTrackedQuestions());
    }

    /** A snapshot every {@code memora.srs.snapshot-every} submissions, so a load replays at most that many. */
    @Bean
    SnapshotTriggerDefinition playerMemorySnapshotTrigger(Snapshotter snapshotter, SrsProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotEvery());
    }

    /**
     * Keeps the most recently used loaded memories between a player's submissions
     * ({@code memora.srs.memory-cache-size}, softly held); a failed (conflicting) append drops the entry, so the next
     * attempt reads the store.
     */
    @Bean
    Cache playerMemoryCache(SrsProperties properties) {
        return new PlayerMemoryCache(properties.memoryCacheSize());
    }
}
