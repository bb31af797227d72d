package com.memora.command.plan;

import com.memora.kernel.id.AggregateIds;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * A season exists once its aggregate has an event. The event store is the one synchronous source of truth the
 * command side has for seasons; the season read model may lag and is never used for a decision.
 */
@Component
class EventStoreSeasonDirectory implements SeasonDirectory {

    private final EventStore eventStore;

    EventStoreSeasonDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public boolean exists(String seasonId) {
        return eventStore.lastSequenceNumberFor(AggregateIds.season(seasonId)).isPresent();
    }
}
