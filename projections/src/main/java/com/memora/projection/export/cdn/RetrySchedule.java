package com.memora.projection.export.cdn;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * When a plan whose publication failed transiently is tried again (decisions O2): after 30 s, 1 min, 2 min, 5 min,
 * 15 min, 15 min and 15 min (7 retries, about 54 minutes), then dead letter. The delays are a setting
 * ({@code memora.cdn.retry.delays}); the time comes from the injected clock, so a test runs the whole schedule in
 * milliseconds. Pure: it keeps no state; the pipeline keeps one failure counter per plan in its sync log (an edit
 * during {@code RETRY_WAIT} does not reset it; a low-disk pause is not an attempt).
 */
public final class RetrySchedule {

    public static final List<Duration> DEFAULT_DELAYS = List.of(
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofMinutes(15));

    private final List<Duration> delays;
    private final Clock clock;

    public RetrySchedule(List<Duration> delays, Clock clock) {
        if (delays == null || delays.isEmpty()) {
            throw new IllegalArgumentException("A retry schedule needs at least one delay");
        }
        for (Duration delay : delays) {
            if (delay == null || delay.isNegative()) {
                throw new IllegalArgumentException("Retry delays must be zero or positive, not " + delay);
            }
        }
        this.delays = List.copyOf(delays);
        this.clock = clock;
    }

    /**
     * @param failedAttempts how many attempts of this publication have failed, this one included (1 after the
     *                       first failure)
     * @return when to retry, counted from now, or dead letter once every delay has been used
     */
    public RetryDecision afterFailure(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("Call after a failure: failedAttempts is at least 1, not "
                                               + failedAttempts);
        }
        if (failedAttempts > delays.size()) {
            return new RetryDecision.DeadLetter(failedAttempts);
        }
        return new RetryDecision.RetryAt(clock.instant().plus(delays.get(failedAttempts - 1)), failedAttempts);
    }

    /** How many retries follow the first attempt before dead letter (7 by default). */
    public int maxRetries() {
        return delays.size();
    }

    public List<Duration> delays() {
        return delays;
    }

    /** The sum of every delay: how long a plan can wait in retries before dead letter (≈ 54 min by default). */
    public Duration totalDelay() {
        return delays.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
