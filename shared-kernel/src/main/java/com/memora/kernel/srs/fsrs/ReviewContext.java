package com.memora.kernel.srs.fsrs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** One review being scheduled: the card as it was, when it is reviewed, and what that implies. */
record ReviewContext(CardMemory card, Instant now, long elapsedDays, int reps) {

    static final long MILLIS_PER_MINUTE = 60_000;
    static final long MILLIS_PER_DAY = 86_400_000;

    static ReviewContext of(CardMemory card, Instant now) {
        long elapsed = card.state() != CardState.NEW && card.lastReview() != null
                ? calendarDaysBetween(card.lastReview(), now)
                : 0;
        return new ReviewContext(card, now, elapsed, card.reps() + 1);
    }

    /**
     * Elapsed days as ts-fsrs counts them (fsrs.md): the difference between the UTC calendar dates, so 23:50 and
     * 00:10 the next day are one day apart and two reviews on one UTC date are zero days apart.
     */
    static long calendarDaysBetween(Instant earlier, Instant later) {
        return ChronoUnit.DAYS.between(utcDate(earlier), utcDate(later));
    }

    private static LocalDate utcDate(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    MemoryModel.Memory memory() {
        return new MemoryModel.Memory(card.difficulty(), card.stability());
    }

    /** ts-fsrs's default fuzz seed: review time in epoch ms, reps after this review, D×S before it. */
    String fuzzSeed() {
        return now.toEpochMilli() + "_" + reps + "_" + JsNumbers.toString(card.difficulty() * card.stability());
    }

    Instant afterMinutes(long minutes) {
        return now.plusMillis(minutes * MILLIS_PER_MINUTE);
    }

    Instant afterDays(long days) {
        return now.plusMillis(days * MILLIS_PER_DAY);
    }

    CardMemory result(CardState state, MemoryModel.Memory memory, Instant due, int learningStep, long scheduledDays,
                      int lapses) {
        return new CardMemory(state, memory.stability(), memory.difficulty(), due, now, learningStep, reps, lapses,
                Math.toIntExact(scheduledDays));
    }
}
