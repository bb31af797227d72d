package com.memora.kernel.srs.fsrs;

import java.time.Instant;
import java.util.Objects;

/**
 * A card's memory as of its last review; immutable. {@code stability} is in days, {@code difficulty} 1–10 (both 0
 * while NEW), {@code learningStep} the index into the (re)learning steps, {@code scheduledDays} the whole-day
 * interval that led to {@code due} (0 while in same-day steps).
 */
public record CardMemory(CardState state, double stability, double difficulty, Instant due,
                         Instant lastReview /* null while NEW */, int learningStep, int reps, int lapses,
                         int scheduledDays) {

    public CardMemory {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(due, "due");
        if (state != CardState.NEW && lastReview == null) {
            throw new IllegalArgumentException("a " + state + " card must have a last review time");
        }
        if (!Double.isFinite(stability) || stability < 0) {
            throw new IllegalArgumentException("stability must be a finite number ≥ 0, got " + stability);
        }
        if (!Double.isFinite(difficulty) || difficulty < 0) {
            throw new IllegalArgumentException("difficulty must be a finite number ≥ 0, got " + difficulty);
        }
        if (learningStep < 0 || reps < 0 || lapses < 0 || scheduledDays < 0) {
            throw new IllegalArgumentException("learningStep, reps, lapses and scheduledDays must be ≥ 0");
        }
    }

    /** A card never reviewed: NEW, due now, stability and difficulty 0, no counts. */
    public static CardMemory newCard(Instant now) {
        return new CardMemory(CardState.NEW, 0, 0, now, null, 0, 0, 0, 0);
    }
}
