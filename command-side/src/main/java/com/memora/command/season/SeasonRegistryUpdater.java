package com.memora.command.season;

import com.memora.kernel.season.SeasonActivatedEvent;
import com.memora.kernel.season.SeasonArchivedEvent;
import com.memora.kernel.season.SeasonCreatedEvent;
import com.memora.kernel.season.SeasonDeactivatedEvent;
import com.memora.kernel.season.SeasonPartitionCreatedEvent;
import com.memora.kernel.season.SeasonReviewCacheDisabledEvent;
import com.memora.kernel.season.SeasonReviewCacheEnabledEvent;
import com.memora.kernel.season.SeasonTrackerArchivedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the season registry in step with the season events. Its processing group is a <em>subscribing</em>
 * processor ({@code application.yml}): the handlers run inside the unit of work that appends the events, in the
 * same database transaction, so the registry is never behind the event store and a failure here (a second active
 * season) rolls the command back. It is command-side state, not a projection: nothing replays it.
 * <p>
 * Archiving sets {@code archived} (reviews and review reads refused from the moment the archive commits, S6) and,
 * once the rows are moved, {@code tracker_archived} (the tracker projection skips the season from then on, S5).
 */
@Component
@ProcessingGroup(SeasonRegistryUpdater.PROCESSING_GROUP)
class SeasonRegistryUpdater {

    static final String PROCESSING_GROUP = "season-registry";

    private final SeasonRegistryWriter registry;

    SeasonRegistryUpdater(SeasonRegistryWriter registry) {
        this.registry = registry;
    }

    @EventHandler
    void on(SeasonCreatedEvent event) {
        registry.registered(event.seasonId(), event.active(), event.enableRedis());
    }

    @EventHandler
    void on(SeasonActivatedEvent event) {
        registry.activeChanged(event.seasonId(), true);
    }

    @EventHandler
    void on(SeasonDeactivatedEvent event) {
        registry.activeChanged(event.seasonId(), false);
    }

    @EventHandler
    void on(SeasonReviewCacheEnabledEvent event) {
        registry.reviewCacheChanged(event.seasonId(), true);
    }

    @EventHandler
    void on(SeasonReviewCacheDisabledEvent event) {
        registry.reviewCacheChanged(event.seasonId(), false);
    }

    @EventHandler
    void on(SeasonPartitionCreatedEvent event) {
        registry.partitionCreated(event.seasonId());
    }

    @EventHandler
    void on(SeasonArchivedEvent event) {
        registry.archived(event.seasonId());
    }

    @EventHandler
    void on(SeasonTrackerArchivedEvent event) {
        registry.trackerArchived(event.seasonId());
    }
}
