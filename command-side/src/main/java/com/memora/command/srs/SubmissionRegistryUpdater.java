package com.memora.command.srs;

import com.memora.kernel.srs.ReviewsSubmittedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Records each submission's client id in the {@link SubmissionRegistry}. Its processing group is a <em>subscribing</em>
 * processor ({@code application.yml}): it runs inside the unit of work that stores the event, in the same database
 * transaction, so the registry is never behind the event store, and a submission whose id another request took
 * meanwhile (in another season: the player's memory of each season only knows its own ids) is rolled back. It is
 * command-side state, not a projection: nothing replays it.
 */
@Component
@ProcessingGroup(SubmissionRegistryUpdater.PROCESSING_GROUP)
class SubmissionRegistryUpdater {

    static final String PROCESSING_GROUP = "srs-submission-registry";

    private final SubmissionRegistry registry;

    SubmissionRegistryUpdater(SubmissionRegistry registry) {
        this.registry = registry;
    }

    @EventHandler
    void on(ReviewsSubmittedEvent event, @SequenceNumber long sequence) {
        if (event.submissionId() == null) {
            return;
        }
        SubmissionRegistry.RecordedSubmission submission =
                new SubmissionRegistry.RecordedSubmission(event.seasonId(), sequence, event.reviewedAt());
        boolean recorded = registry.record(event.playerId(), event.submissionId(), submission);
        if (!recorded) {
            throw new SubmissionIdTakenException(event.playerId(), event.submissionId());
        }
    }
}
