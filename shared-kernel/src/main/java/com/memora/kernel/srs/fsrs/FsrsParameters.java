package com.memora.kernel.srs.fsrs;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Scheduler settings. {@code weights} are FSRS-6's 21 weights w0…w20; like ts-fsrs, the scheduler clips each into
 * its admissible range rather than refusing it ({@link FsrsScheduler#effectiveWeights()} shows the result).
 * Steps are whole minutes (ts-fsrs writes them as "1m", "10m", "1h", "1d").
 */
public record FsrsParameters(List<Double> weights, double desiredRetention, int maximumIntervalDays,
                             List<Duration> learningSteps, List<Duration> relearningSteps, boolean enableFuzz,
                             boolean enableShortTerm) {

    /** FSRS-6's default weights (fsrs.md, ts-fsrs {@code default_w}). */
    public static final List<Double> DEFAULT_WEIGHTS = List.of(
            0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666,
            0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542);
    public static final double DEFAULT_DESIRED_RETENTION = 0.9;
    public static final int DEFAULT_MAXIMUM_INTERVAL_DAYS = 36_500;
    public static final List<Duration> DEFAULT_LEARNING_STEPS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(10));
    public static final List<Duration> DEFAULT_RELEARNING_STEPS = List.of(Duration.ofMinutes(10));

    public FsrsParameters {
        Objects.requireNonNull(weights, "weights");
        if (weights.size() != 21) {
            throw new IllegalArgumentException("FSRS-6 needs 21 weights (w0…w20), got " + weights.size());
        }
        for (int i = 0; i < weights.size(); i++) {
            Double w = weights.get(i);
            if (w == null || !Double.isFinite(w)) {
                throw new IllegalArgumentException("weight w" + i + " must be a finite number, got " + w);
            }
        }
        weights = List.copyOf(weights);
        if (!(desiredRetention > 0 && desiredRetention <= 1)) {
            throw new IllegalArgumentException("desiredRetention must be in (0, 1], got " + desiredRetention);
        }
        if (maximumIntervalDays < 1) {
            throw new IllegalArgumentException("maximumIntervalDays must be ≥ 1, got " + maximumIntervalDays);
        }
        learningSteps = checkedSteps("learningSteps", learningSteps);
        relearningSteps = checkedSteps("relearningSteps", relearningSteps);
    }

    /** fsrs.md's defaults: default weights, retention 0.9, 36,500 days, steps 1 min + 10 min / 10 min, fuzz off,
     *  same-day steps on. */
    public static FsrsParameters defaults() {
        return new FsrsParameters(DEFAULT_WEIGHTS, DEFAULT_DESIRED_RETENTION, DEFAULT_MAXIMUM_INTERVAL_DAYS,
                DEFAULT_LEARNING_STEPS, DEFAULT_RELEARNING_STEPS, false, true);
    }

    public FsrsParameters withWeights(List<Double> newWeights) {
        return new FsrsParameters(newWeights, desiredRetention, maximumIntervalDays, learningSteps, relearningSteps,
                enableFuzz, enableShortTerm);
    }

    public FsrsParameters withDesiredRetention(double retention) {
        return new FsrsParameters(weights, retention, maximumIntervalDays, learningSteps, relearningSteps,
                enableFuzz, enableShortTerm);
    }

    public FsrsParameters withMaximumIntervalDays(int days) {
        return new FsrsParameters(weights, desiredRetention, days, learningSteps, relearningSteps, enableFuzz,
                enableShortTerm);
    }

    public FsrsParameters withSteps(List<Duration> learning, List<Duration> relearning) {
        return new FsrsParameters(weights, desiredRetention, maximumIntervalDays, learning, relearning, enableFuzz,
                enableShortTerm);
    }

    public FsrsParameters withFuzz(boolean fuzz) {
        return new FsrsParameters(weights, desiredRetention, maximumIntervalDays, learningSteps, relearningSteps,
                fuzz, enableShortTerm);
    }

    public FsrsParameters withShortTerm(boolean shortTerm) {
        return new FsrsParameters(weights, desiredRetention, maximumIntervalDays, learningSteps, relearningSteps,
                enableFuzz, shortTerm);
    }

    private static List<Duration> checkedSteps(String name, List<Duration> steps) {
        Objects.requireNonNull(steps, name);
        for (Duration step : steps) {
            if (step == null || step.isNegative() || step.isZero() || !step.equals(Duration.ofMinutes(step.toMinutes()))) {
                throw new IllegalArgumentException(name + " must be positive whole minutes, got " + step);
            }
        }
        return List.copyOf(steps);
    }
}
