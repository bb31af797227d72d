package com.memora.kernel.srs.fsrs;

/**
 * Whole-day intervals for cards in Review: the FSRS interval for the desired retention and, when enabled, ts-fsrs's
 * fuzz (±15 % under 7 days, ±10 % to 20 days, ±5 % beyond, for intervals of 2.5 days or more).
 *
 * <p>Fuzz is deterministic: like ts-fsrs's default seed strategy, the random number comes from an Alea generator
 * seeded with {@code "<review time in epoch ms>_<reps after this review>_<D×S before it>"}, so the same card
 * reviewed at the same instant always gets the same interval, and the same one as ts-fsrs.
 */
final class Intervals {

    private static final double[][] FUZZ_RANGES = {{2.5, 7, 0.15}, {7, 20, 0.1}, {20, Double.POSITIVE_INFINITY, 0.05}};

    private final MemoryModel model;
    private final int maximumIntervalDays;
    private final boolean fuzz;

    Intervals(MemoryModel model, int maximumIntervalDays, boolean fuzz) {
        this.model = model;
        this.maximumIntervalDays = maximumIntervalDays;
        this.fuzz = fuzz;
    }

    long next(double stability, ReviewContext review) {
        long interval = model.interval(stability, maximumIntervalDays);
        if (!fuzz || interval < 2.5) {
            return interval;
        }
        double random = new Alea(review.fuzzSeed()).next();
        long elapsedDays = review.elapsedDays();
        double delta = 1;
        for (double[] range : FUZZ_RANGES) {
            delta += range[2] * Math.max(Math.min(interval, range[1]) - range[0], 0);
        }
        long capped = Math.min(interval, maximumIntervalDays);
        long min = Math.max(2, Math.round(capped - delta));
        long max = Math.min(Math.round(capped + delta), maximumIntervalDays);
        if (capped > elapsedDays) {
            min = Math.max(min, elapsedDays + 1);
        }
        min = Math.min(min, max);
        return (long) Math.floor(random * (max - min + 1) + min);
    }
}
