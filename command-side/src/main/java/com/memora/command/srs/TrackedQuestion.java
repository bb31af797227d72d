package com.memora.command.srs;

import com.memora.kernel.srs.ReviewedQuestion;
import com.memora.kernel.srs.fsrs.CardMemory;
import com.memora.kernel.srs.fsrs.CardState;

import java.time.Instant;

/**
 * A question as the player-memory aggregate remembers it (and its snapshots store it): the scheduler's memory
 * plus the content it belongs to. Kept apart from the scheduler's record so snapshots do not change shape with it.
 */
record TrackedQuestion(CardState state,
                       double stability,
                       double difficulty,
                       Instant due,
                       Instant lastReview,
                       int learningStep,
                       int reps,
                       int lapses,
                       int scheduledDays,
                       String subject,
                       String topic) {

    static TrackedQuestion of(ReviewedQuestion review) {
        return new TrackedQuestion(review.state(), review.stability(), review.difficulty(), review.due(),
                                   review.lastReview(), review.learningStep(), review.reps(), review.lapses(),
                                   review.scheduledDays(), review.subject(), review.topic());
    }

    static TrackedQuestion of(CardMemory memory, String subject, String topic) {
        return new TrackedQuestion(memory.state(), memory.stability(), memory.difficulty(), memory.due(),
                                   memory.lastReview(), memory.learningStep(), memory.reps(), memory.lapses(),
                                   memory.scheduledDays(), subject, topic);
    }

    CardMemory memory() {
        return new CardMemory(state, stability, difficulty, due, lastReview, learningStep, reps, lapses,
                              scheduledDays);
    }
}
