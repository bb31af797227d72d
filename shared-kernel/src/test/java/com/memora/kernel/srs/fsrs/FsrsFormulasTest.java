package com.memora.kernel.srs.fsrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.memora.kernel.srs.fsrs.MemoryModel.Memory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each formula of fsrs.md, with the default weights, against the formula written out here with plain
 * {@link Math} (independently of the implementation, so to 1e-6 rather than to the bit: ts-fsrs rounds to 8
 * decimals along the way).
 */
class FsrsFormulasTest {

    private static final List<Double> W = FsrsParameters.DEFAULT_WEIGHTS;
    private static final double TOLERANCE = 1e-6;
    private static final MemoryModel MODEL = new MemoryModel(FsrsParameters.defaults());

    private static double w(int i) {
        return W.get(i);
    }

    private static double factor() {
        return Math.pow(0.9, -1 / w(20)) - 1;
    }

    private static double r(double t, double s) {
        return Math.pow(1 + factor() * t / s, -w(20));
    }

    private static double d0(int grade) {
        return w(4) - Math.exp(w(5) * (grade - 1)) + 1;
    }

    @ParameterizedTest
    @CsvSource({"0,5", "1,5", "5,5", "30,5", "1,0.212", "400,120.5", "3650,36500"})
    void forgettingCurveIsOnePlusFTOverSToTheMinusW20(double t, double s) {
        assertThat(MODEL.forgettingCurve(t, s)).isCloseTo(r(t, s), within(TOLERANCE));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1, 3.7, 10, 365, 36500})
    void retrievabilityAfterStabilityDaysIsNinetyPercent(double s) {
        assertThat(MODEL.forgettingCurve(s, s)).isEqualTo(0.9);
        assertThat(MODEL.forgettingCurve(0, s)).isEqualTo(1.0);
    }

    @Test
    void theIntervalForNinetyPercentIsTheStabilityRoundedAndClampedToOneAndTheMaximum() {
        assertThat(MODEL.interval(10.4, 36500)).isEqualTo(10);
        assertThat(MODEL.interval(10.6, 36500)).isEqualTo(11);
        assertThat(MODEL.interval(0.2, 36500)).isEqualTo(1);
        assertThat(MODEL.interval(36500, 36500)).isEqualTo(36500);
        assertThat(MODEL.interval(36500, 365)).isEqualTo(365);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.7, 0.8, 0.95})
    void theIntervalForAnotherRetentionIsSOverFTimesRToTheMinusOneOverW20MinusOne(double retention) {
        MemoryModel model = new MemoryModel(FsrsParameters.defaults().withDesiredRetention(retention));
        double s = 42.0;
        double interval = s / factor() * (Math.pow(retention, -1 / w(20)) - 1);
        assertThat(model.interval(s, 36500)).isEqualTo(Math.round(interval));
    }

    @ParameterizedTest
    @EnumSource(Rating.class)
    void aFirstRatingStartsFromWGMinusOneAndD0ClampedToOneToTen(Rating rating) {
        Memory first = MODEL.next(new Memory(0, 0), 0, rating);
        assertThat(first.stability()).isEqualTo(w(rating.value() - 1));
        double d0 = Math.min(Math.max(d0(rating.value()), 1), 10);
        assertThat(first.difficulty()).isCloseTo(d0, within(TOLERANCE));
    }

    @Test
    void d0OfEasyIsBelowOneWithTheDefaultsSoTheFirstEasyCardHasDifficultyOne() {
        assertThat(d0(4)).isLessThan(1);
        assertThat(MODEL.next(new Memory(0, 0), 0, Rating.EASY).difficulty()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"5,1", "5,2", "5,3", "5,4", "1,1", "1,4", "9.7,1", "10,1", "3.3,3"})
    void difficultyMovesByLinearDampingThenRevertsTowardsUnclampedD0OfEasy(double d, int grade) {
        double deltaD = -w(6) * (grade - 3);
        double damped = d + deltaD * (10 - d) / 9;
        double reverted = w(7) * d0(4) + (1 - w(7)) * damped; // D0(Easy) unclamped (it is negative here)
        double expected = Math.min(Math.max(reverted, 1), 10);
        assertThat(MODEL.nextDifficulty(d, Rating.of(grade))).isCloseTo(expected, within(TOLERANCE));
    }

    @ParameterizedTest
    @CsvSource({"2,3.5,0.8", "3,3.5,0.8", "4,3.5,0.8", "3,8.0,0.5", "2,1.0,0.95", "4,10,0.3"})
    void recallOnALaterDayGrowsStabilityWithHardPenaltyAndEasyBonus(int grade, double d, double r) {
        double s = 12.0;
        double h = grade == 2 ? w(15) : 1;
        double b = grade == 4 ? w(16) : 1;
        double expected = s * (1 + Math.exp(w(8)) * (11 - d) * Math.pow(s, -w(9)) * (Math.exp(w(10) * (1 - r)) - 1) * h * b);
        assertThat(MODEL.recallStability(d, s, r, Rating.of(grade))).isCloseTo(expected, within(TOLERANCE));
        assertThat(expected).isGreaterThan(s);
    }

    @ParameterizedTest
    @CsvSource({"12,5,10", "0.5,9,1", "300,2,400", "3,1,3", "40,7,2"})
    void aLapseTakesTheSmallerOfTheForgetFormulaAndSOverEToTheW17W18(double s, double d, long t) {
        double r = r(t, s);
        double forget = w(11) * Math.pow(d, -w(12)) * (Math.pow(s + 1, w(13)) - 1) * Math.exp(w(14) * (1 - r));
        double expected = Math.min(forget, s / Math.exp(w(17) * w(18)));
        assertThat(MODEL.forgetStability(d, s, r)).isCloseTo(forget, within(TOLERANCE));
        assertThat(MODEL.next(new Memory(d, s), t, Rating.AGAIN).stability())
                .isCloseTo(expected, within(TOLERANCE))
                .isLessThan(s);
    }

    @ParameterizedTest
    @CsvSource({"1,0.212", "1,5", "2,5", "3,5", "4,5", "2,300", "3,300", "4,0.5"})
    void aSameDayReviewMultipliesStabilityByEToTheW17TimesGMinus3PlusW18TimesSToTheMinusW19(int grade, double s) {
        double multiplier = Math.exp(w(17) * (grade - 3 + w(18))) * Math.pow(s, -w(19));
        // ts-fsrs floors the multiplier at 1 from Hard up (fsrs.md: "for Good and Easy"), so a same-day
        // success never lowers stability.
        double floored = grade >= 2 ? Math.max(multiplier, 1) : multiplier;
        assertThat(MODEL.next(new Memory(5, s), 0, Rating.of(grade)).stability())
                .isCloseTo(s * floored, within(TOLERANCE));
    }

    @Test
    void hardOnTheSameDayNeverLowersStabilityEvenWhereTheMultiplierIsBelowOne() {
        double s = 300;
        assertThat(Math.exp(w(17) * (2 - 3 + w(18))) * Math.pow(s, -w(19))).isLessThan(1);
        assertThat(MODEL.next(new Memory(5, s), 0, Rating.HARD).stability()).isEqualTo(s);
    }

    @Test
    void stabilityUsesTheDifficultyFromBeforeTheUpdate() {
        double d = 8.0;
        double s = 20.0;
        Memory after = MODEL.next(new Memory(d, s), 20, Rating.GOOD);
        double r = MODEL.forgettingCurve(20, s);
        assertThat(after.stability()).isEqualTo(MODEL.recallStability(d, s, r, Rating.GOOD));
        assertThat(after.stability()).isNotEqualTo(MODEL.recallStability(after.difficulty(), s, r, Rating.GOOD));
        assertThat(after.difficulty()).isEqualTo(MODEL.nextDifficulty(d, Rating.GOOD));
    }

    @Test
    void everyStabilityAndDifficultyIsRoundedToEightDecimalsAsTsFsrsRoundsThem() {
        Memory m = MODEL.next(new Memory(6.123456789, 17.987654321), 9, Rating.HARD);
        assertThat(m.stability() * 1e8).isCloseTo(Math.rint(m.stability() * 1e8), within(1e-6));
        assertThat(m.difficulty() * 1e8).isCloseTo(Math.rint(m.difficulty() * 1e8), within(1e-6));
        assertThat(MODEL.forgettingCurve(7, 3.3) * 1e8).isCloseTo(Math.rint(MODEL.forgettingCurve(7, 3.3) * 1e8),
                within(1e-6));
    }
}
