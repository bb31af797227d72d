package com.memora.projection.srs;

import com.memora.kernel.srs.fsrs.CardState;

import java.time.Instant;

/** One row of the review tracker: a player's memory of one question in one season. */
public record TrackedCard(String questionId,
                          String subject,
                          String topic,
                          CardState state,
                          double stability,
                          double difficulty,
                          Instant due,
                          Instant lastReview,
                          int reps,
                          int lapses) {
}
