package com.memora.kernel.srs.fsrs;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * THROW-AWAY STUB of the agreed FSRS-6 API, kept on wip-srs only until branch wip-fsrs is complete and merged (the
 * merge replaces this file). It moves cards between the four states the way FSRS does with learning steps
 * (1 min, 10 min) and a relearning step (10 min), but its stability, difficulty and intervals are placeholders,
 * not FSRS maths. Nothing may depend on its numbers.
 */
public final class FsrsScheduler {

    private final FsrsParameters parameters;

    public FsrsScheduler(FsrsParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    public FsrsParameters parameters() {
        return parameters;
    }

    public CardMemory review(CardMemory card, Rating rating, Instant now) {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(now, "now");
        int reps = card.reps() + 1;
        double stability = Math.max(0.1, card.stability() + rating.value() - 2);
        double difficulty = Math.min(10, Math.max(1, 5 + (3 - rating.value())));
        return switch (card.state()) {
            case NEW, LEARNING -> learning(card, rating, now, reps, stability, difficulty);
            case REVIEW -> rating == Rating.AGAIN
                    ? new CardMemory(CardState.RELEARNING, stability, difficulty, now.plus(Duration.ofMinutes(10)),
                                     now, 0, reps, card.lapses() + 1, 0)
                    : review(card, now, reps, stability, difficulty, Math.max(1, card.scheduledDays() * 2));
            case RELEARNING -> rating == Rating.AGAIN
                    ? new CardMemory(CardState.RELEARNING, stability, difficulty, now.plus(Duration.ofMinutes(10)),
                                     now, 0, reps, card.lapses(), 0)
                    : review(card, now, reps, stability, difficulty, 1);
        };
    }

    private CardMemory learning(CardMemory card, Rating rating, Instant now, int reps, double stability,
                                double difficulty) {
        return switch (rating) {
            case AGAIN -> new CardMemory(CardState.LEARNING, stability, difficulty, now.plus(Duration.ofMinutes(1)),
                                         now, 0, reps, card.lapses(), 0);
            case HARD -> new CardMemory(CardState.LEARNING, stability, difficulty,
                                        now.plus(Duration.ofSeconds(330)), now, card.learningStep(), reps,
                                        card.lapses(), 0);
            case GOOD -> card.learningStep() + 1 < parameters.learningSteps().size()
                    ? new CardMemory(CardState.LEARNING, stability, difficulty,
                                     now.plus(parameters.learningSteps().get(card.learningStep() + 1)), now,
                                     card.learningStep() + 1, reps, card.lapses(), 0)
                    : review(card, now, reps, stability, difficulty, 1);
            case EASY -> review(card, now, reps, stability, difficulty, 2);
        };
    }

    private static CardMemory review(CardMemory card, Instant now, int reps, double stability, double difficulty,
                                     int days) {
        return new CardMemory(CardState.REVIEW, stability, difficulty, now.plus(Duration.ofDays(days)), now, 0, reps,
                              card.lapses(), days);
    }

    public double retrievability(CardMemory card, Instant now) {
        return card.state() == CardState.NEW ? 0 : 0.9;
    }
}
