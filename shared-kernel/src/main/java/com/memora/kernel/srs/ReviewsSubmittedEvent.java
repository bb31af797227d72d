package com.memora.kernel.srs;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A player's review submission was accepted: the fact that makes reviews durable (decisions S3). Carries every
 * answer in order with the memory it left, so the tracker and review-queue projections store results without
 * recomputing, and the first answer to a repeated {@code submissionId} can be rebuilt from this event alone.
 *
 * @param reviewedAt  when the answers were scheduled (whole seconds, from the service clock)
 * @param reviews     the answers in the order they were applied; a question answered twice appears twice
 * @param stateCounts the player's tracked questions in the season per state after this submission
 */
public record ReviewsSubmittedEvent(String playerId,
                                    String seasonId,
                                    String submissionId,
                                    Instant reviewedAt,
                                    List<ReviewedQuestion> reviews,
                                    StateCounts stateCounts) {

    /** Each question once, with the memory its last answer in this submission left, in the order first answered. */
    public Collection<ReviewedQuestion> latestPerQuestion() {
        Map<String, ReviewedQuestion> latest = new LinkedHashMap<>();
        for (ReviewedQuestion review : reviews) {
            latest.put(review.questionId(), review);
        }
        return latest.values();
    }
}
