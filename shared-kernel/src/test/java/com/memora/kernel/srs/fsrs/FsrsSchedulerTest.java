package com.memora.kernel.srs.fsrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What a player sees the scheduler do, through the public API, with fsrs.md's defaults unless said otherwise. */
class FsrsSchedulerTest {

    private static final Instant MORNING = Instant.parse("2026-01-05T09:00:00Z");
    private static final List<Double> W = FsrsParameters.DEFAULT_WEIGHTS;
    private final FsrsScheduler scheduler = new FsrsScheduler(FsrsParameters.defaults());

    private static CardMemory reviewCard(double stability, double difficulty, Instant lastReview) {
        return new CardMemory(CardState.REVIEW, stability, difficulty, lastReview.plus(Duration.ofDays(10)),
                lastReview, 0, 5, 0, 10);
    }

    @Nested
    class ANewCard {

        private final CardMemory card = CardMemory.newCard(MORNING);

        @Test
        void startsNewDueNowWithNothingLearned() {
            assertThat(card).isEqualTo(new CardMemory(CardState.NEW, 0, 0, MORNING, null, 0, 0, 0, 0));
            assertThat(scheduler.retrievability(card, MORNING.plus(Duration.ofDays(3)))).isZero();
        }

        @Test
        void againStartsTheFirstLearningStepOfOneMinute() {
            CardMemory after = scheduler.review(card, Rating.AGAIN, MORNING);
            assertThat(after).isEqualTo(new CardMemory(CardState.LEARNING, W.get(0), W.get(4),
                    MORNING.plus(Duration.ofMinutes(1)), MORNING, 0, 1, 0, 0));
        }

        @Test
        void hardRepeatsTheFirstStepWaitingTheMeanOfTheFirstTwoSteps() {
            CardMemory after = scheduler.review(card, Rating.HARD, MORNING);
            assertThat(after.state()).isEqualTo(CardState.LEARNING);
            assertThat(after.due()).isEqualTo(MORNING.plus(Duration.ofMinutes(6))); // (1 + 10) / 2 = 5.5, rounded
            assertThat(after.learningStep()).isZero();
            assertThat(after.stability()).isEqualTo(W.get(1));
        }

        @Test
        void goodMovesToTheTenMinuteStep() {
            CardMemory after = scheduler.review(card, Rating.GOOD, MORNING);
            assertThat(after.state()).isEqualTo(CardState.LEARNING);
            assertThat(after.due()).isEqualTo(MORNING.plus(Duration.ofMinutes(10)));
            assertThat(after.learningStep()).isEqualTo(1);
            assertThat(after.stability()).isEqualTo(W.get(2));
            assertThat(after.scheduledDays()).isZero();
        }

        @Test
        void easySkipsTheStepsStraightToReviewInStabilityDays() {
            CardMemory after = scheduler.review(card, Rating.EASY, MORNING);
            assertThat(after).isEqualTo(new CardMemory(CardState.REVIEW, W.get(3), 1.0,
                    MORNING.plus(Duration.ofDays(8)), MORNING, 0, 1, 0, 8)); // S0(Easy) = 8.2956 → 8 days
        }

        @Test
        void goodOnTheLastStepGraduatesToReviewTheNextDayOrLater() {
            CardMemory step1 = scheduler.review(card, Rating.GOOD, MORNING);
            Instant tenMinutesLater = MORNING.plus(Duration.ofMinutes(10));
            CardMemory graduated = scheduler.review(step1, Rating.GOOD, tenMinutesLater);
            assertThat(graduated.state()).isEqualTo(CardState.REVIEW);
            assertThat(graduated.learningStep()).isZero();
            assertThat(graduated.reps()).isEqualTo(2);
            assertThat(graduated.scheduledDays()).isGreaterThanOrEqualTo(1);
            assertThat(graduated.due()).isEqualTo(tenMinutesLater.plus(Duration.ofDays(graduated.scheduledDays())));
        }

        @Test
        void withoutSameDayStepsEveryRatingGoesToReviewWithIntervalsInOrder() {
            FsrsScheduler longTerm = new FsrsScheduler(FsrsParameters.defaults().withShortTerm(false));
            List<Integer> days = new ArrayList<>();
            for (Rating rating : Rating.values()) {
                CardMemory after = longTerm.review(card, rating, MORNING);
                assertThat(after.state()).isEqualTo(CardState.REVIEW);
                assertThat(after.lapses()).isZero();
                days.add(after.scheduledDays());
            }
            assertThat(days).containsExactly(1, 2, 3, 8);
        }

        @Test
        void withoutLearningStepsGoodGoesStraightToReview() {
            FsrsScheduler noSteps = new FsrsScheduler(FsrsParameters.defaults().withSteps(List.of(), List.of()));
            assertThat(noSteps.review(card, Rating.GOOD, MORNING).state()).isEqualTo(CardState.REVIEW);
            assertThat(noSteps.review(card, Rating.AGAIN, MORNING).state()).isEqualTo(CardState.REVIEW);
        }

        @Test
        void aStepOfADayOrMoreIsServedAsReviewKeepingItsStep() {
            FsrsScheduler daySteps = new FsrsScheduler(FsrsParameters.defaults()
                    .withSteps(List.of(Duration.ofMinutes(10), Duration.ofDays(1)), List.of(Duration.ofMinutes(10))));
            CardMemory after = daySteps.review(card, Rating.GOOD, MORNING);
            assertThat(after.state()).isEqualTo(CardState.REVIEW);
            assertThat(after.learningStep()).isEqualTo(1);
            assertThat(after.scheduledDays()).isEqualTo(1);
            assertThat(after.due()).isEqualTo(MORNING.plus(Duration.ofDays(1)));
        }
    }

    @Nested
    class ALapse {

        private final CardMemory known = reviewCard(20, 5, MORNING.minus(Duration.ofDays(20)));

        @Test
        void againSendsAReviewCardToTheTenMinuteRelearningStepAndCountsALapse() {
            CardMemory lapsed = scheduler.review(known, Rating.AGAIN, MORNING);
            assertThat(lapsed.state()).isEqualTo(CardState.RELEARNING);
            assertThat(lapsed.due()).isEqualTo(MORNING.plus(Duration.ofMinutes(10)));
            assertThat(lapsed.learningStep()).isZero();
            assertThat(lapsed.lapses()).isEqualTo(1);
            assertThat(lapsed.reps()).isEqualTo(6);
            assertThat(lapsed.stability()).isLessThan(known.stability() / Math.exp(W.get(17) * W.get(18)) + 1e-8);
            assertThat(lapsed.difficulty()).isGreaterThan(known.difficulty());
        }

        @Test
        void goodAfterRelearningReturnsToReviewWithoutAnotherLapse() {
            CardMemory lapsed = scheduler.review(known, Rating.AGAIN, MORNING);
            CardMemory relearned = scheduler.review(lapsed, Rating.GOOD, MORNING.plus(Duration.ofMinutes(10)));
            assertThat(relearned.state()).isEqualTo(CardState.REVIEW);
            assertThat(relearned.lapses()).isEqualTo(1);
            assertThat(relearned.scheduledDays()).isGreaterThanOrEqualTo(1);
        }

        @Test
        void againWhileRelearningStaysInRelearningWithoutCountingAnotherLapse() {
            CardMemory lapsed = scheduler.review(known, Rating.AGAIN, MORNING);
            CardMemory again = scheduler.review(lapsed, Rating.AGAIN, MORNING.plus(Duration.ofMinutes(10)));
            assertThat(again.state()).isEqualTo(CardState.RELEARNING);
            assertThat(again.lapses()).isEqualTo(1);
        }
    }

    @Nested
    class ElapsedDays {

        @Test
        void aSecondReviewOnTheSameUtcDateUsesTheSameDayFormula() {
            CardMemory card = reviewCard(5, 5, Instant.parse("2026-01-05T00:10:00Z"));
            CardMemory after = scheduler.review(card, Rating.AGAIN, Instant.parse("2026-01-05T23:50:00Z"));
            double sameDay = 5 * Math.exp(W.get(17) * (1 - 3 + W.get(18))) * Math.pow(5, -W.get(19));
            assertThat(after.stability()).isCloseTo(sameDay, within(1e-6));
        }

        @Test
        void twentyMinutesAcrossUtcMidnightIsOneDayLater() {
            Instant lastReview = Instant.parse("2026-01-05T23:50:00Z");
            CardMemory card = reviewCard(5, 5, lastReview);
            CardMemory acrossMidnight = scheduler.review(card, Rating.GOOD, lastReview.plus(Duration.ofMinutes(20)));
            CardMemory oneFullDayLater = scheduler.review(card, Rating.GOOD, lastReview.plus(Duration.ofDays(1)));
            CardMemory sameDay = scheduler.review(reviewCard(5, 5, Instant.parse("2026-01-05T00:10:00Z")),
                    Rating.GOOD, Instant.parse("2026-01-05T00:30:00Z"));
            assertThat(acrossMidnight.stability()).isEqualTo(oneFullDayLater.stability());
            assertThat(acrossMidnight.stability()).isNotEqualTo(sameDay.stability());
        }

        @Test
        void aReviewOnAnEarlierUtcDayThanTheLastIsRefused() {
            CardMemory card = reviewCard(5, 5, MORNING);
            assertThatThrownBy(() -> scheduler.review(card, Rating.GOOD, MORNING.minus(Duration.ofDays(1))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("earlier UTC day");
        }
    }

    @Nested
    class MaximumInterval {

        private final CardMemory veryStable = reviewCard(36500, 1, MORNING.minus(Duration.ofDays(200)));

        @Test
        void stabilityAndTheHardIntervalStopAtThirtySixThousandFiveHundredDays() {
            CardMemory hard = scheduler.review(veryStable, Rating.HARD, MORNING);
            assertThat(hard.stability()).isEqualTo(36500);
            assertThat(hard.scheduledDays()).isEqualTo(36500);
            assertThat(hard.due()).isEqualTo(MORNING.plus(Duration.ofDays(36500)));
        }

        @Test
        void goodAndEasyStayOneAndTwoDaysAboveHardAsTsFsrsKeepsThemInOrder() {
            // ts-fsrs clamps each FSRS interval to the maximum, then enforces Hard < Good < Easy.
            assertThat(scheduler.review(veryStable, Rating.GOOD, MORNING).scheduledDays()).isEqualTo(36501);
            assertThat(scheduler.review(veryStable, Rating.EASY, MORNING).scheduledDays()).isEqualTo(36502);
        }

        @Test
        void aSmallerMaximumClampsTheSameWay() {
            FsrsScheduler yearAtMost = new FsrsScheduler(FsrsParameters.defaults().withMaximumIntervalDays(365));
            assertThat(yearAtMost.review(veryStable, Rating.HARD, MORNING).scheduledDays()).isEqualTo(365);
            assertThat(yearAtMost.review(veryStable, Rating.EASY, MORNING).scheduledDays()).isEqualTo(367);
        }
    }

    @Nested
    class Retrievability {

        @Test
        void isNinetyPercentAfterStabilityDays() {
            CardMemory card = reviewCard(10, 5, MORNING);
            assertThat(scheduler.retrievability(card, MORNING.plus(Duration.ofDays(10)))).isEqualTo(0.9);
            assertThat(scheduler.forgettingCurve(10, 10)).isEqualTo(0.9);
        }

        @Test
        void isCertainRightAfterAReviewAndFallsWithTime() {
            CardMemory card = reviewCard(10, 5, MORNING);
            double now = scheduler.retrievability(card, MORNING);
            double later = scheduler.retrievability(card, MORNING.plus(Duration.ofDays(30)));
            double muchLater = scheduler.retrievability(card, MORNING.plus(Duration.ofDays(300)));
            assertThat(now).isEqualTo(1.0);
            assertThat(later).isLessThan(0.9).isGreaterThan(muchLater);
        }

        @Test
        void countsWholeTwentyFourHourPeriodsAsTsFsrsGetRetrievabilityDoes() {
            CardMemory card = reviewCard(10, 5, MORNING);
            Instant almostTenDays = MORNING.plus(Duration.ofDays(10)).minusMillis(1);
            assertThat(scheduler.retrievability(card, almostTenDays)).isEqualTo(scheduler.forgettingCurve(9, 10));
        }
    }

    @Nested
    class Fuzz {

        private final FsrsScheduler fuzzy = new FsrsScheduler(FsrsParameters.defaults().withFuzz(true));

        @Test
        void isOffByDefaultAndTheSameInputGivesTheSameOutput() {
            CardMemory card = reviewCard(30, 5, MORNING.minus(Duration.ofDays(30)));
            assertThat(FsrsParameters.defaults().enableFuzz()).isFalse();
            assertThat(scheduler.review(card, Rating.GOOD, MORNING)).isEqualTo(scheduler.review(card, Rating.GOOD, MORNING));
            assertThat(fuzzy.review(card, Rating.GOOD, MORNING)).isEqualTo(fuzzy.review(card, Rating.GOOD, MORNING));
        }

        @Test
        void spreadsIntervalsAroundTheUnfuzzedOneByAtMostTheDocumentedShare() {
            CardMemory card = reviewCard(30, 5, MORNING.minus(Duration.ofDays(30)));
            int plain = scheduler.review(card, Rating.GOOD, MORNING).scheduledDays();
            double delta = 1 + 0.15 * (7 - 2.5) + 0.1 * (20 - 7) + 0.05 * (plain - 20); // ts-fsrs fuzz ranges
            Set<Integer> seen = new HashSet<>();
            for (int minute = 0; minute < 200; minute++) {
                int fuzzed = fuzzy.review(card, Rating.GOOD, MORNING.plus(Duration.ofMinutes(minute))).scheduledDays();
                assertThat((double) fuzzed).isBetween(plain - delta - 0.5, plain + delta + 0.5);
                seen.add(fuzzed);
            }
            assertThat(seen).hasSizeGreaterThan(3);
        }

        @Test
        void leavesShortIntervalsAndLearningStepsAlone() {
            CardMemory card = CardMemory.newCard(MORNING);
            for (Rating rating : List.of(Rating.AGAIN, Rating.HARD, Rating.GOOD)) {
                assertThat(fuzzy.review(card, rating, MORNING)).isEqualTo(scheduler.review(card, rating, MORNING));
            }
        }
    }

    @Nested
    class Validation {

        @Test
        void ratingsAreOneToFour() {
            assertThat(Rating.of(1)).isEqualTo(Rating.AGAIN);
            assertThat(Rating.of(4)).isEqualTo(Rating.EASY);
            assertThat(Rating.GOOD.value()).isEqualTo(3);
            assertThatThrownBy(() -> Rating.of(0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Rating.of(5)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1 (Again) to 4 (Easy)");
        }

        @Test
        void parametersMustBeUsable() {
            FsrsParameters d = FsrsParameters.defaults();
            assertThatThrownBy(() -> d.withWeights(W.subList(0, 19))).hasMessageContaining("21 weights");
            assertThatThrownBy(() -> d.withDesiredRetention(0)).hasMessageContaining("desiredRetention");
            assertThatThrownBy(() -> d.withDesiredRetention(1.01)).hasMessageContaining("desiredRetention");
            assertThatThrownBy(() -> d.withMaximumIntervalDays(0)).hasMessageContaining("maximumIntervalDays");
            assertThatThrownBy(() -> d.withSteps(List.of(Duration.ofSeconds(90)), List.of()))
                    .hasMessageContaining("whole minutes");
            List<Double> withNaN = new ArrayList<>(W);
            withNaN.set(7, Double.NaN);
            assertThatThrownBy(() -> d.withWeights(withNaN)).hasMessageContaining("w7");
        }

        @Test
        void weightsOutsideTheirRangesAreClippedAsTsFsrsClipsThem() {
            List<Double> wild = new ArrayList<>(W);
            wild.set(0, 0.0);
            wild.set(20, 5.0);
            FsrsScheduler clipped = new FsrsScheduler(FsrsParameters.defaults().withWeights(wild));
            assertThat(clipped.effectiveWeights().get(0)).isEqualTo(0.001);
            assertThat(clipped.effectiveWeights().get(20)).isEqualTo(0.8);
            assertThat(clipped.parameters().weights()).isEqualTo(wild);
            // The first stability is at least 0.1 in ts-fsrs, whatever w0 says.
            assertThat(clipped.review(CardMemory.newCard(MORNING), Rating.AGAIN, MORNING).stability()).isEqualTo(0.1);
        }

        @Test
        void severalRelearningStepsCapW17AndW18() {
            FsrsScheduler threeSteps = new FsrsScheduler(FsrsParameters.defaults().withSteps(
                    FsrsParameters.DEFAULT_LEARNING_STEPS,
                    List.of(Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(2))));
            assertThat(threeSteps.effectiveWeights().get(17)).isLessThan(W.get(17));
            assertThat(new FsrsScheduler(FsrsParameters.defaults()).effectiveWeights()).isEqualTo(W);
        }

        @Test
        void aReviewedCardNeedsALastReviewAndAPossibleMemory() {
            assertThatThrownBy(() -> new CardMemory(CardState.REVIEW, 3, 5, MORNING, null, 0, 1, 0, 3))
                    .hasMessageContaining("last review");
            CardMemory impossible = new CardMemory(CardState.REVIEW, 3, 0.5, MORNING, MORNING, 0, 1, 0, 3);
            assertThatThrownBy(() -> scheduler.review(impossible, Rating.GOOD, MORNING))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("difficulty");
        }
    }
}
