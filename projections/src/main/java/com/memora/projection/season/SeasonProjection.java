package com.memora.projection.season;

import com.memora.kernel.season.SeasonActivatedEvent;
import com.memora.kernel.season.SeasonArchivedEvent;
import com.memora.kernel.season.SeasonAutoArchiveDisabledEvent;
import com.memora.kernel.season.SeasonAutoArchiveEnabledEvent;
import com.memora.kernel.season.SeasonCreatedEvent;
import com.memora.kernel.season.SeasonDeactivatedEvent;
import com.memora.kernel.season.SeasonDetailsChangedEvent;
import com.memora.kernel.season.SeasonPartitionCreatedEvent;
import com.memora.kernel.season.SeasonReviewCacheDisabledEvent;
import com.memora.kernel.season.SeasonReviewCacheEnabledEvent;
import com.memora.kernel.season.SeasonTrackerArchivedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.function.UnaryOperator;

/** Builds the season read table. Replayable: the reset empties the table, every handler is idempotent. */
@Component
@ProcessingGroup(SeasonProjection.PROCESSING_GROUP)
public class SeasonProjection {

    public static final String PROCESSING_GROUP = "seasons";

    private final SeasonViewStore store;

    public SeasonProjection(SeasonViewStore store) {
        this.store = store;
    }

    @EventHandler
    void on(SeasonCreatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        store.save(new SeasonView(event.seasonId(), event.title(), event.startDate(), event.endDate(),
                                  event.active(), event.enableRedis(), event.autoArchive(), false, at, at),
                   sequence);
    }

    @EventHandler
    void on(SeasonDetailsChangedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.seasonId(), sequence, view -> view.withDetails(event.title(), event.startDate(),
                                                                    event.endDate(), at));
    }

    @EventHandler
    void on(SeasonActivatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.seasonId(), sequence, view -> view.withActive(true, at));
    }

    @EventHandler
    void on(SeasonDeactivatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.seasonId(), sequence, view -> view.withActive(false, at));
    }

    @EventHandler
    void on(SeasonReviewCacheEnabledEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.seasonId(), sequence, view -> view.withEnableRedis(true, at));
    }

    @EventHandler
    void on(SeasonReviewCacheDisabledEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.seasonId(), sequence, view -> view.withEnableRedis(false, at));
    }

    @EventHandler
    void on(SeasonAutoArchiveEnabledEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.seasonId(), sequence, view -> view.withAutoArchive(true, at));
    }

    @EventHandler
    void on(SeasonAutoArchiveDisabledEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.seasonId(), sequence, view -> view.withAutoArchive(false, at));
    }

    @EventHandler
    void on(SeasonPartitionCreatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.seasonId(), sequence, view -> view.withPartitionCreated(at));
    }

    @EventHandler
    void on(SeasonArchivedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.seasonId(), sequence, view -> view.withArchived(event.archivedAt(), at));
    }

    @EventHandler
    void on(SeasonTrackerArchivedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.seasonId(), sequence, view -> view.withRecordsArchived(event.recordsArchived(), at));
    }

    @ResetHandler
    void reset() {
        store.deleteAll();
    }

    private void update(String seasonId, long sequence, UnaryOperator<SeasonView> change) {
        SeasonView current = store.find(seasonId).orElseThrow(() -> new IllegalStateException(
                "Season " + seasonId + " has no read-model row although its stream has later events"));
        store.save(change.apply(current), sequence);
    }
}
