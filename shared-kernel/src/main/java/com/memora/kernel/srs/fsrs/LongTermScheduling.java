package com.memora.kernel.srs.fsrs;

import com.memora.kernel.srs.fsrs.MemoryModel.Memory;

/**
 * Without same-day steps every review, the first included, leads to a whole-day interval in Review, the four
 * ratings' intervals kept strictly in order (ts-fsrs {@code LongTermScheduler}, {@code enable_short_term} off).
 */
final class LongTermScheduling implements Scheduling {

    private final MemoryModel model;
    private final Intervals intervals;

    LongTermScheduling(MemoryModel model, Intervals intervals) {
        this.model = model;
        this.intervals = intervals;
    }

    @Override
    public CardMemory review(ReviewContext review, Rating rating) {
        Memory[] memories = new Memory[4];
        long[] days = new long[4];
        for (Rating each : Rating.values()) {
            memories[each.ordinal()] = model.next(review.memory(), review.elapsedDays(), each);
            days[each.ordinal()] = intervals.next(memories[each.ordinal()].stability(), review);
        }
        days[0] = Math.min(days[0], days[1]);
        days[1] = Math.max(days[1], days[0] + 1);
        days[2] = Math.max(days[2], days[1] + 1);
        days[3] = Math.max(days[3], days[2] + 1);
        // A lapse counts only for a card that had left New (ts-fsrs counts it in reviewState, not newState).
        boolean lapse = rating == Rating.AGAIN && review.card().state() != CardState.NEW;
        int lapses = review.card().lapses() + (lapse ? 1 : 0);
        int i = rating.ordinal();
        return review.result(CardState.REVIEW, memories[i], review.afterDays(days[i]), 0, days[i], lapses);
    }
}
