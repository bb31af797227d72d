package com.memora.projection.srs.ops;

import com.memora.kernel.error.DomainException;
import com.memora.kernel.season.SeasonReviewCacheDisabledEvent;
import com.memora.kernel.season.SeasonReviewCacheEnabledEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turning a season's {@code enable_redis} on starts a rebuild of its cache (domain §12.6); turning it off deletes
 * its queues, which nothing would read or update any more. Side effects outside this group's state, so never part
 * of a replay (decisions R3). When Redis is down the deletion fails and the event is retried from the group's
 * dead-letter queue; a rebuild that cannot run leaves the queues to be built lazily by reads, as always.
 */
@Component
@ProcessingGroup(SeasonCacheTriggers.PROCESSING_GROUP)
public class SeasonCacheTriggers {

    public static final String PROCESSING_GROUP = "srs-cache-triggers";
    private static final Logger log = LoggerFactory.getLogger(SeasonCacheTriggers.class);

    private final SeasonCacheRebuild rebuilds;
    private final ReviewCacheAdmin cache;

    public SeasonCacheTriggers(SeasonCacheRebuild rebuilds, ReviewCacheAdmin cache) {
        this.rebuilds = rebuilds;
        this.cache = cache;
    }

    @EventHandler
    @DisallowReplay
    void on(SeasonReviewCacheEnabledEvent event) {
        try {
            SeasonCacheRebuild.Started started = rebuilds.start(event.seasonId());
            log.info("Review cache of {} turned on: rebuild job {} started ({} records)", event.seasonId(),
                     started.jobId(), started.estimatedRecords());
        } catch (DomainException e) {
            // turned off again or archived since: nothing to rebuild
            log.info("Review cache of {} turned on, but not rebuilt: {}", event.seasonId(), e.getMessage());
        }
    }

    @EventHandler
    @DisallowReplay
    void on(SeasonReviewCacheDisabledEvent event) {
        long deleted = cache.deleteSeason(event.seasonId(), count -> { });
        log.info("Review cache of {} turned off: {} queue(s) deleted", event.seasonId(), deleted);
    }
}
