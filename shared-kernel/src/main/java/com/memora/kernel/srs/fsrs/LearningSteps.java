package com.memora.kernel.srs.fsrs;

import java.time.Duration;
import java.util.List;

/**
 * Where a rating moves a card within its learning or relearning steps (ts-fsrs {@code BasicLearningStepsStrategy}).
 * Again goes back to the first step, Hard repeats the current step (waiting the mean of the first two steps, or
 * 1.5 × a single step), Good moves to the next step; Easy, and Good on the last step, leave the steps.
 * A card in Review only has a step for Again: the first relearning step.
 */
final class LearningSteps {

    /** No step: the card graduates to (or stays in) Review with an FSRS interval. */
    static final Step NONE = new Step(0, 0);

    private final long[] learningMinutes;
    private final long[] relearningMinutes;

    LearningSteps(List<Duration> learningSteps, List<Duration> relearningSteps) {
        this.learningMinutes = learningSteps.stream().mapToLong(Duration::toMinutes).toArray();
        this.relearningMinutes = relearningSteps.stream().mapToLong(Duration::toMinutes).toArray();
    }

    Step after(CardState state, int currentStep, Rating rating) {
        long[] steps = state == CardState.RELEARNING || state == CardState.REVIEW ? relearningMinutes : learningMinutes;
        if (steps.length == 0 || currentStep >= steps.length) {
            return NONE;
        }
        if (state == CardState.REVIEW) {
            return rating == Rating.AGAIN ? new Step(steps[Math.max(0, currentStep)], 0) : NONE;
        }
        switch (rating) {
            case AGAIN:
                return new Step(steps[0], 0);
            case HARD:
                long hard = steps.length == 1 ? Math.round(steps[0] * 1.5) : Math.round((steps[0] + steps[1]) / 2.0);
                return new Step(hard, currentStep);
            case GOOD:
                int next = currentStep + 1;
                return next < steps.length ? new Step(steps[next], next) : NONE;
            default:
                return NONE;
        }
    }

    /** Wait {@code minutes} and then be at step {@code nextStep}; 0 minutes means {@link #NONE}. */
    record Step(long minutes, int nextStep) {
    }
}
