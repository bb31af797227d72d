package com.memora.command.srs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.memora.kernel.srs.ConsistencyToken;
import com.memora.kernel.srs.ReviewsSubmittedEvent;
import com.memora.kernel.srs.StateCounts;

import java.time.Instant;
import java.util.List;

/**
 * The answer to {@code POST /api/reviews} (api.md), built only from the stored event, so that a repeated
 * {@code submission_id} gets exactly the first answer.
 *
 * @param nextDue          every question of the submission once, in the order first answered, with its new due time
 * @param consistencyToken for the next {@code GET /api/reviews/due} ({@code X-Consistency-Token}, decisions R5)
 */
record ReviewSubmissionResponse(int processed,
                                String season,
                                NewStateCounts newStateCounts,
                                List<NextDue> nextDue,
                                String consistencyToken) {

    static ReviewSubmissionResponse of(ReviewsSubmittedEvent event, long sequence) {
        StateCounts counts = event.stateCounts();
        return new ReviewSubmissionResponse(
                event.reviews().size(), event.seasonId(),
                new NewStateCounts(counts.newCards(), counts.learning(), counts.review(), counts.relearning()),
                event.latestPerQuestion().stream().map(review -> new NextDue(review.questionId(), review.due()))
                     .toList(),
                new ConsistencyToken(event.seasonId(), sequence).format());
    }

    record NewStateCounts(@JsonProperty("new") int newCards, int learning, int review, int relearning) {
    }

    record NextDue(String questionId, Instant due) {
    }
}
