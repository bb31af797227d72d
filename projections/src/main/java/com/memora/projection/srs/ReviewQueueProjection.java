package com.memora.projection.srs;

import com.memora.kernel.srs.ReviewedQuestion;
import com.memora.kernel.srs.ReviewsSubmittedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The review queues in Redis (decisions R6): applies each submission's new due times to the player's queue, only if
 * the queue exists and only in sequence (see {@link ReviewQueues}). A queue that does not exist is built whole from
 * the tracker by the first read, so this projection never creates a partial one.
 * <p>
 * When Redis is down the handler fails and the event is parked in the group's dead-letter queue, in order per
 * player; it is applied (or found already applied) once Redis answers again. A reset drops every queue; the
 * replay then finds none to update and reads rebuild them.
 */
@Component
@ProcessingGroup(ReviewQueueProjection.PROCESSING_GROUP)
public class ReviewQueueProjection {

    public static final String PROCESSING_GROUP = "srs-review-queues";

    private final ReviewQueues queues;

    public ReviewQueueProjection(ReviewQueues queues) {
        this.queues = queues;
    }

    @EventHandler
    void on(ReviewsSubmittedEvent event, @SequenceNumber long sequence) {
        Map<String, Instant> dues = new LinkedHashMap<>();
        for (ReviewedQuestion question : event.latestPerQuestion()) {
            dues.put(question.questionId(), question.due());
        }
        queues.update(event.playerId(), event.seasonId(), sequence, dues);
    }

    @ResetHandler
    void reset() {
        queues.dropAll();
    }
}
