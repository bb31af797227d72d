package com.memora.projection.srs;

import com.memora.kernel.season.SeasonRegistry;
import com.memora.kernel.season.SeasonStatus;
import com.memora.kernel.srs.ReviewsSubmittedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * The review tracker (decisions S5): every player's memory per season and question, in PostgreSQL, from the
 * submissions' events. It is what Safe Mode reads and what review queues are built from. Replayable and idempotent
 * (rows keep the sequence that wrote them); it creates a season's partition itself if the partition is missing, and
 * skips the events of seasons whose rows were moved to the archive, in replays too, so a replay never brings
 * archived rows back. A season that is archived but whose rows are not moved yet is still applied: the archive waits
 * for this projection to apply every review accepted before it, then moves the rows.
 */
@Component
@ProcessingGroup(TrackerProjection.PROCESSING_GROUP)
public class TrackerProjection {

    public static final String PROCESSING_GROUP = "srs-tracker";

    private final TrackerStore store;
    private final TrackerPartitions partitions;
    private final SeasonRegistry seasons;

    public TrackerProjection(TrackerStore store, TrackerPartitions partitions, SeasonRegistry seasons) {
        this.store = store;
        this.partitions = partitions;
        this.seasons = seasons;
    }

    @EventHandler
    void on(ReviewsSubmittedEvent event, @SequenceNumber long sequence) {
        if (seasons.find(event.seasonId()).map(SeasonStatus::trackerArchived).orElse(false)) {
            return;
        }
        try {
            partitions.ensure(event.seasonId());
            store.apply(event.playerId(), event.seasonId(), sequence, event.latestPerQuestion());
        } catch (SeasonTrackerArchivedException e) {
            // the rows were moved to the archive while this event was on its way: a redelivery, nothing lost
        }
    }

    @ResetHandler
    void reset() {
        store.deleteAll();
    }
}
