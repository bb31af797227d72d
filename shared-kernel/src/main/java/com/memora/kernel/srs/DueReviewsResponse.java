package com.memora.kernel.srs;

import java.time.Instant;
import java.util.List;

/**
 * @param questions  most overdue first
 * @param totalDue   every question due now (may exceed the limit)
 * @param isDegraded true when the answer comes from PostgreSQL because Redis is unreachable (Safe Mode, S4)
 */
public record DueReviewsResponse(List<DueQuestion> questions, long totalDue, boolean isDegraded, String season) {

    /** @param state {@code New}, {@code Learning}, {@code Review} or {@code Relearning} */
    public record DueQuestion(String questionId, Instant due, Double stability, Double difficulty, String state,
                              String subject, String topic) {
    }
}
