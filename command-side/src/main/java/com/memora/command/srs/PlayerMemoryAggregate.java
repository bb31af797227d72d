package com.memora.command.srs;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.memora.kernel.error.ConflictException;
import com.memora.kernel.id.AggregateIds;
import com.memora.kernel.srs.ReviewAnswer;
import com.memora.kernel.srs.ReviewRules;
import com.memora.kernel.srs.ReviewedQuestion;
import com.memora.kernel.srs.ReviewsSubmittedEvent;
import com.memora.kernel.srs.StateCounts;
import com.memora.kernel.srs.SubmissionReceipt;
import com.memora.kernel.srs.SubmitReviewsCommand;
import com.memora.kernel.srs.fsrs.CardMemory;
import com.memora.kernel.srs.fsrs.FsrsScheduler;
import com.memora.kernel.srs.fsrs.Rating;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A player's memory in one season: every question they reviewed with its FSRS-6 memory, the authority that reviews
 * are scheduled from (decisions S2, S3). One aggregate per player and season because that is the consistency
 * boundary of a submission (up to 50 answers applied in order, all or nothing), the unit the per-season cap counts
 * (S7) and the key of the tracker partition and the review queue; a player's seasons never need one transaction.
 * <p>
 * Loaded from a snapshot ({@code playerMemorySnapshotTrigger}) and kept in a cache between commands
 * ({@code playerMemoryCache}); another node appending first makes the append fail with a concurrency conflict, the
 * cached copy is dropped and the command gateway retries on fresh state. Snapshots serialize the fields (Jackson).
 */
@Aggregate(snapshotTriggerDefinition = "playerMemorySnapshotTrigger", cache = "playerMemoryCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
                isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
public class PlayerMemoryAggregate {

    @AggregateIdentifier
    private String id;
    private String playerId;
    private String seasonId;
    private Map<String, TrackedQuestion> questions = new HashMap<>();
    /** Client submission ids and the sequence of the event that answered each, kept for good (S3). */
    private Map<String, Long> submissions = new HashMap<>();
    private StateCounts counts = StateCounts.NONE;
    private long lastSequence = -1;

    protected PlayerMemoryAggregate() {
        // created by the first submission (CREATE_IF_MISSING), rebuilt from snapshots and events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public SubmissionReceipt handle(SubmitReviewsCommand command, FsrsScheduler scheduler, ReviewLimits limits,
                                    ReviewSeasonGate seasons, Clock clock) {
        if (command.submissionId() != null && submissions.containsKey(command.submissionId())) {
            return new SubmissionReceipt(submissions.get(command.submissionId()), null);
        }
        seasons.requireOpen(command.seasonId());
        ReviewRules.requirePlayerId(command.playerId());
        ReviewRules.validate(command.submissionId(), command.answers());
        requireWithinCap(command, limits);

        // whole seconds: due times compare exactly in PostgreSQL, Redis scores and JSON
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Map<String, TrackedQuestion> changed = new HashMap<>();
        List<ReviewedQuestion> reviews = new ArrayList<>(command.answers().size());
        StateCounts newCounts = counts;
        for (ReviewAnswer answer : command.answers()) {
            TrackedQuestion before = changed.containsKey(answer.questionId()) ? changed.get(answer.questionId())
                                                                              : questions.get(answer.questionId());
            CardMemory memory = before == null ? CardMemory.newCard(now) : before.memory();
            Rating rating = ReviewRules.ratingOf(answer);
            CardMemory after = scheduler.review(memory, rating, notBefore(now, memory.lastReview()));
            String subject = answer.subject() != null ? answer.subject() : before == null ? null : before.subject();
            String topic = answer.topic() != null ? answer.topic() : before == null ? null : before.topic();
            newCounts = newCounts.moved(before == null ? null : before.state(), after.state());
            changed.put(answer.questionId(), TrackedQuestion.of(after, subject, topic));
            reviews.add(ReviewedQuestion.of(answer, rating.value(), subject, topic, after));
        }
        ReviewsSubmittedEvent event = new ReviewsSubmittedEvent(command.playerId(), command.seasonId(),
                                                                command.submissionId(), now, reviews, newCounts);
        apply(event);
        return new SubmissionReceipt(lastSequence, event);
    }

    /**
     * Nodes' clocks differ a little; a review is never scheduled before the question's last review (the scheduler
     * refuses time running backwards).
     */
    private static Instant notBefore(Instant now, Instant lastReview) {
        return lastReview != null && lastReview.isAfter(now) ? lastReview : now;
    }

    private void requireWithinCap(SubmitReviewsCommand command, ReviewLimits limits) {
        Set<String> added = new LinkedHashSet<>();
        for (ReviewAnswer answer : command.answers()) {
            if (!questions.containsKey(answer.questionId())) {
                added.add(answer.questionId());
            }
        }
        if (questions.size() + added.size() > limits.maxTrackedQuestions()) {
            throw new ConflictException("tracked-questions-cap",
                    "A player tracks at most " + limits.maxTrackedQuestions() + " questions per season; this "
                    + "submission would add " + added.size() + " to the " + questions.size() + " already tracked "
                    + "in " + command.seasonId());
        }
    }

    @EventSourcingHandler
    void on(ReviewsSubmittedEvent event, @SequenceNumber long sequence) {
        if (id == null) {
            id = AggregateIds.playerMemory(event.seasonId(), event.playerId());
            playerId = event.playerId();
            seasonId = event.seasonId();
        }
        for (ReviewedQuestion review : event.reviews()) {
            questions.put(review.questionId(), TrackedQuestion.of(review));
        }
        if (event.submissionId() != null) {
            submissions.putIfAbsent(event.submissionId(), sequence);
        }
        counts = event.stateCounts();
        lastSequence = sequence;
    }
}
