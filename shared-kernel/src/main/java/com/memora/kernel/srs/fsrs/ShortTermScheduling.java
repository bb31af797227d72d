package com.memora.kernel.srs.fsrs;

import com.memora.kernel.srs.fsrs.LearningSteps.Step;
import com.memora.kernel.srs.fsrs.MemoryModel.Memory;

/**
 * The default: new and lapsed cards go through minute-long (re)learning steps on the same day before whole-day
 * intervals (ts-fsrs {@code BasicScheduler}, used when {@code enable_short_term} is on).
 */
final class ShortTermScheduling implements Scheduling {

    private static final long MINUTES_PER_DAY = 1440;

    private final MemoryModel model;
    private final LearningSteps steps;
    private final Intervals intervals;

    ShortTermScheduling(MemoryModel model, LearningSteps steps, Intervals intervals) {
        this.model = model;
        this.steps = steps;
        this.intervals = intervals;
    }

    @Override
    public CardMemory review(ReviewContext review, Rating rating) {
        CardMemory card = review.card();
        return switch (card.state()) {
            case NEW -> throughSteps(review, next(review, rating), rating, CardState.LEARNING, card.lapses());
            case LEARNING, RELEARNING -> throughSteps(review, next(review, rating), rating, card.state(), card.lapses());
            case REVIEW -> fromReview(review, rating);
        };
    }

    private CardMemory fromReview(ReviewContext review, Rating rating) {
        if (rating == Rating.AGAIN) {
            Memory lapsed = next(review, Rating.AGAIN);
            return throughSteps(review, lapsed, Rating.AGAIN, CardState.RELEARNING, review.card().lapses() + 1);
        }
        // Hard, Good and Easy intervals are kept in order (Hard ≤ Good < Easy), so all three are needed.
        Memory hard = next(review, Rating.HARD);
        Memory good = next(review, Rating.GOOD);
        Memory easy = next(review, Rating.EASY);
        long hardDays = intervals.next(hard.stability(), review);
        long goodDays = intervals.next(good.stability(), review);
        hardDays = Math.min(hardDays, goodDays);
        goodDays = Math.max(goodDays, hardDays + 1);
        long easyDays = Math.max(intervals.next(easy.stability(), review), goodDays + 1);
        Memory memory = rating == Rating.HARD ? hard : rating == Rating.GOOD ? good : easy;
        long days = rating == Rating.HARD ? hardDays : rating == Rating.GOOD ? goodDays : easyDays;
        return review.result(CardState.REVIEW, memory, review.afterDays(days), 0, days, review.card().lapses());
    }

    /** ts-fsrs {@code applyLearningSteps}: a step under a day keeps the card in its steps, anything else is Review. */
    private CardMemory throughSteps(ReviewContext review, Memory memory, Rating rating, CardState stepState,
                                    int lapses) {
        Step step = steps.after(review.card().state(), review.card().learningStep(), rating);
        if (step.minutes() > 0 && step.minutes() < MINUTES_PER_DAY) {
            return review.result(stepState, memory, review.afterMinutes(step.minutes()), step.nextStep(), 0, lapses);
        }
        if (step.minutes() >= MINUTES_PER_DAY) {
            // A step of a day or more is served as Review, keeping its step index (as ts-fsrs does).
            return review.result(CardState.REVIEW, memory, review.afterMinutes(step.minutes()), step.nextStep(),
                    step.minutes() / MINUTES_PER_DAY, lapses);
        }
        long days = intervals.next(memory.stability(), review);
        return review.result(CardState.REVIEW, memory, review.afterDays(days), 0, days, lapses);
    }

    private Memory next(ReviewContext review, Rating rating) {
        return model.next(review.memory(), review.elapsedDays(), rating);
    }
}
