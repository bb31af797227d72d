package com.memora.kernel.srs.fsrs;

import static com.memora.kernel.srs.fsrs.JsMath.clamp;
import static com.memora.kernel.srs.fsrs.JsMath.pow;
import static com.memora.kernel.srs.fsrs.JsMath.round8;

import java.util.Arrays;
import java.util.List;

/**
 * The FSRS-6 formulas of fsrs.md, computed as ts-fsrs's {@code FSRSAlgorithm} computes them: the same operations
 * in the same order and the same rounding to 8 decimals, so results agree to the last bit. Where ts-fsrs departs
 * from fsrs.md the code follows ts-fsrs and says so.
 */
final class MemoryModel {

    static final double MIN_STABILITY = 0.001;
    static final double MAX_STABILITY = 36500;
    /** ts-fsrs floors a first stability at 0.1 (fsrs.md says 0.001; weights 0–3 are clipped to ≥ 0.001 anyway). */
    private static final double MIN_INITIAL_STABILITY = 0.1;

    private final double[] w;
    private final boolean shortTerm;
    private final double decay;
    private final double factor;
    private final double intervalModifier;

    MemoryModel(FsrsParameters parameters) {
        this.w = WeightClipping.clip(parameters.weights(), parameters.relearningSteps().size(),
                parameters.enableShortTerm());
        this.shortTerm = parameters.enableShortTerm();
        this.decay = -w[20];
        // F = 0.9^(−1/w20) − 1, written as ts-fsrs writes it, then rounded to 8 decimals like everything else
        this.factor = round8(StrictMath.exp(pow(decay, -1) * StrictMath.log(0.9)) - 1);
        this.intervalModifier = round8((pow(parameters.desiredRetention(), 1 / decay) - 1) / factor);
    }

    List<Double> weights() {
        return Arrays.stream(w).boxed().toList();
    }

    /** R(t, S) = (1 + F·t/S)^(−w20), rounded to 8 decimals. */
    double forgettingCurve(double elapsedDays, double stability) {
        return round8(pow(1 + factor * elapsedDays / stability, decay));
    }

    /** The interval for the desired retention, before fuzz: S·(r^(−1/w20) − 1)/F rounded, clamped to [1, max]. */
    long interval(double stability, int maximumIntervalDays) {
        return Math.min(Math.max(1, Math.round(stability * intervalModifier)), maximumIntervalDays);
    }

    /**
     * The memory after a review {@code elapsedDays} calendar days after the previous one (ts-fsrs {@code next_state}).
     * A memory of zeros is a first review.
     */
    Memory next(Memory memory, long elapsedDays, Rating rating) {
        double d = memory.difficulty();
        double s = memory.stability();
        if (elapsedDays < 0) {
            throw new IllegalArgumentException("a review cannot be on an earlier UTC day than the last review ("
                    + elapsedDays + " days)");
        }
        if (d == 0 && s == 0) {
            return new Memory(clamp(initialDifficulty(rating.value()), 1, 10), initialStability(rating));
        }
        if (d < 1 || s < MIN_STABILITY) {
            throw new IllegalArgumentException("invalid memory: difficulty " + d + " (must be ≥ 1), stability " + s
                    + " (must be ≥ " + MIN_STABILITY + ")");
        }
        double r = forgettingCurve(elapsedDays, s);
        double nextStability;
        if (elapsedDays == 0 && shortTerm) {
            nextStability = shortTermStability(s, rating);
        } else if (rating == Rating.AGAIN) {
            double afterLapse = forgetStability(d, s, r);
            double w17 = shortTerm ? w[17] : 0;
            double w18 = shortTerm ? w[18] : 0;
            double floor = s / StrictMath.exp(w17 * w18);
            nextStability = clamp(round8(floor), MIN_STABILITY, afterLapse);
        } else {
            nextStability = recallStability(d, s, r, rating);
        }
        return new Memory(nextDifficulty(d, rating), nextStability);
    }

    /** S0(G) = w[G−1], at least 0.1. */
    double initialStability(Rating rating) {
        return Math.max(w[rating.value() - 1], MIN_INITIAL_STABILITY);
    }

    /** D0(G) = w4 − e^(w5·(G−1)) + 1, rounded, not clamped (callers clamp where ts-fsrs does). */
    double initialDifficulty(int grade) {
        return round8(w[4] - StrictMath.exp((grade - 1) * w[5]) + 1);
    }

    /** D'' = w7·D0(Easy) + (1 − w7)·(D + ΔD·(10 − D)/9) with ΔD = −w6·(G − 3), clamped to [1, 10]. */
    double nextDifficulty(double d, Rating rating) {
        double deltaD = -w[6] * (rating.value() - 3);
        double nextD = d + round8(deltaD * (10 - d) / 9);
        double meanReverted = round8(w[7] * initialDifficulty(Rating.EASY.value()) + (1 - w[7]) * nextD);
        return clamp(meanReverted, 1, 10);
    }

    /** S' = S·(1 + e^w8·(11 − D)·S^(−w9)·(e^(w10·(1 − R)) − 1)·h·b), h = w15 for Hard, b = w16 for Easy. */
    double recallStability(double d, double s, double r, Rating rating) {
        double hardPenalty = rating == Rating.HARD ? w[15] : 1;
        double easyBonus = rating == Rating.EASY ? w[16] : 1;
        double grown = s * (1 + StrictMath.exp(w[8]) * (11 - d) * pow(s, -w[9])
                * (StrictMath.exp((1 - r) * w[10]) - 1) * hardPenalty * easyBonus);
        return round8(clamp(grown, MIN_STABILITY, MAX_STABILITY));
    }

    /** w11·D^(−w12)·((S + 1)^w13 − 1)·e^(w14·(1 − R)); the caller caps it at S / e^(w17·w18). */
    double forgetStability(double d, double s, double r) {
        double afterLapse = w[11] * pow(d, -w[12]) * (pow(s + 1, w[13]) - 1) * StrictMath.exp((1 - r) * w[14]);
        return round8(clamp(afterLapse, MIN_STABILITY, MAX_STABILITY));
    }

    /**
     * S' = S·e^(w17·(G − 3 + w18))·S^(−w19). ts-fsrs floors the multiplier at 1 for Hard, Good and Easy
     * ({@code g >= Rating.Hard}); fsrs.md mentions only Good and Easy. We follow ts-fsrs.
     */
    double shortTermStability(double s, Rating rating) {
        double increase = pow(s, -w[19]) * StrictMath.exp(w[17] * (rating.value() - 3 + w[18]));
        double masked = rating.value() >= Rating.HARD.value() ? Math.max(increase, 1) : increase;
        return round8(clamp(s * masked, MIN_STABILITY, MAX_STABILITY));
    }

    /** Difficulty and stability, the two numbers a review changes. */
    record Memory(double difficulty, double stability) {
    }
}
