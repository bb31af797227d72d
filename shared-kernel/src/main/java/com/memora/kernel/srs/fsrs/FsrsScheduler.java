package com.memora.kernel.srs.fsrs;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * FSRS-6 (fsrs.md): schedules a card's next review from its memory and a rating. Pure and thread-safe; without
 * fuzz the same input always gives the same output, and with fuzz too (the fuzz is seeded from the review, as
 * ts-fsrs seeds it). Agrees with ts-fsrs 5.x under the same settings; see the package documentation.
 */
public final class FsrsScheduler {

    private final FsrsParameters parameters;
    private final MemoryModel model;
    private final Scheduling scheduling;

    public FsrsScheduler(FsrsParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.model = new MemoryModel(parameters);
        Intervals intervals = new Intervals(model, parameters.maximumIntervalDays(), parameters.enableFuzz());
        this.scheduling = parameters.enableShortTerm()
                ? new ShortTermScheduling(model, new LearningSteps(parameters.learningSteps(),
                        parameters.relearningSteps()), intervals)
                : new LongTermScheduling(model, intervals);
    }

    public FsrsParameters parameters() {
        return parameters;
    }

    /** The weights actually used: the configured ones clipped into ts-fsrs's ranges. */
    public List<Double> effectiveWeights() {
        return model.weights();
    }

    /**
     * The card after the player rated it at {@code now}. Refused (IllegalArgumentException) when {@code now} falls
     * on an earlier UTC day than the card's last review, or when a reviewed card's memory is impossible
     * (difficulty below 1, stability below 0.001) — as ts-fsrs refuses them.
     */
    public CardMemory review(CardMemory card, Rating rating, Instant now) {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(now, "now");
        return scheduling.review(ReviewContext.of(card, now), rating);
    }

    /**
     * The probability of recalling the card at {@code now}, as ts-fsrs's {@code get_retrievability} answers it:
     * 0 for a NEW card, otherwise R(t, S) with t the whole 24-hour periods since the last review (not calendar
     * days, unlike {@link #review}; at least 0) and S rounded to 8 decimals.
     */
    public double retrievability(CardMemory card, Instant now) {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(now, "now");
        if (card.state() == CardState.NEW) {
            return 0;
        }
        if (card.stability() < MemoryModel.MIN_STABILITY) {
            throw new IllegalArgumentException("a reviewed card needs stability ≥ 0.001, got " + card.stability());
        }
        long elapsedMillis = now.toEpochMilli() - card.lastReview().toEpochMilli();
        long elapsedDays = Math.max(Math.floorDiv(elapsedMillis, ReviewContext.MILLIS_PER_DAY), 0);
        return model.forgettingCurve(elapsedDays, JsMath.toFixed8(card.stability()));
    }

    /** The forgetting curve R(t, S) = (1 + F·t/S)^(−w20), rounded to 8 decimals; R(S, S) = 0.9. */
    public double forgettingCurve(double elapsedDays, double stability) {
        return model.forgettingCurve(elapsedDays, stability);
    }
}
