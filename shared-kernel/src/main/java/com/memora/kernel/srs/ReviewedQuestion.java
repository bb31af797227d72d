package com.memora.kernel.srs;

import com.memora.kernel.srs.fsrs.CardMemory;
import com.memora.kernel.srs.fsrs.CardState;

import java.time.Instant;

/**
 * One answered question in a {@link ReviewsSubmittedEvent}: the answer as given and the question's memory after it,
 * as the scheduler computed it. Consumers store these numbers; none recomputes FSRS.
 *
 * @param rating    the FSRS rating the answer mapped to (1 Again … 4 Easy)
 * @param quality   the answer's {@code quality} when it was given in that form, else {@code null}
 * @param isCorrect the answer's {@code is_correct} when it was given in that form, else {@code null}
 * @param subject   the question's subject after this answer (the answer's, else the one known before)
 */
public record ReviewedQuestion(String questionId,
                               String subject,
                               String topic,
                               int rating,
                               Integer quality,
                               Boolean isCorrect,
                               Integer durationMs,
                               CardState state,
                               double stability,
                               double difficulty,
                               Instant due,
                               Instant lastReview,
                               int learningStep,
                               int reps,
                               int lapses,
                               int scheduledDays) {

    public static ReviewedQuestion of(ReviewAnswer answer, int rating, String subject, String topic,
                                      CardMemory memory) {
        return new ReviewedQuestion(answer.questionId(), subject, topic, rating, answer.quality(),
                                    answer.isCorrect(), answer.durationMs(), memory.state(), memory.stability(),
                                    memory.difficulty(), memory.due(), memory.lastReview(), memory.learningStep(),
                                    memory.reps(), memory.lapses(), memory.scheduledDays());
    }

    public CardMemory memory() {
        return new CardMemory(state, stability, difficulty, due, lastReview, learningStep, reps, lapses,
                              scheduledDays);
    }
}
