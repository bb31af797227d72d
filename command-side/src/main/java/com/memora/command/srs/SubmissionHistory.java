package com.memora.command.srs;

import com.memora.kernel.id.AggregateIds;
import com.memora.kernel.srs.ReviewsSubmittedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Reads a stored submission back from the event store: how a repeated {@code submission_id} gets its first answer. */
@Component
class SubmissionHistory {

    private final EventStore events;

    SubmissionHistory(EventStore events) {
        this.events = events;
    }

    ReviewsSubmittedEvent submission(String seasonId, String playerId, long sequence) {
        DomainEventStream stream = events.readEvents(AggregateIds.playerMemory(seasonId, playerId), sequence);
        if (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getSequenceNumber() == sequence && message.getPayload() instanceof ReviewsSubmittedEvent e) {
                return e;
            }
        }
        throw new IllegalStateException("The event " + sequence + " of " + playerId + "'s memory in " + seasonId
                                        + " is not a stored submission");
    }
}
