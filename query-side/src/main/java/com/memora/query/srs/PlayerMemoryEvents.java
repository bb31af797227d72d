package com.memora.query.srs;

import com.memora.kernel.id.AggregateIds;
import com.memora.kernel.srs.ReviewedQuestion;
import com.memora.kernel.srs.ReviewsSubmittedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The player's stored state where the projections have not caught up yet (decisions R5): their submissions after a
 * given sequence, read straight from the event store, the authority. A handful of events at most, in practice.
 */
@Component
class PlayerMemoryEvents {

    private final EventStore events;

    PlayerMemoryEvents(EventStore events) {
        this.events = events;
    }

    /** The sequence of the player's last stored submission in the season; -1 when there is none. */
    long lastSequence(String seasonId, String playerId) {
        return events.lastSequenceNumberFor(AggregateIds.playerMemory(seasonId, playerId)).orElse(-1L);
    }

    /** Each question reviewed after {@code afterSequence}, with the memory its latest review left. */
    Map<String, ReviewedQuestion> reviewedAfter(String seasonId, String playerId, long afterSequence) {
        Map<String, ReviewedQuestion> latest = new LinkedHashMap<>();
        DomainEventStream stream = events.readEvents(AggregateIds.playerMemory(seasonId, playerId),
                                                     afterSequence + 1);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof ReviewsSubmittedEvent submitted) {
                submitted.latestPerQuestion().forEach(review -> latest.put(review.questionId(), review));
            }
        }
        return latest;
    }
}
