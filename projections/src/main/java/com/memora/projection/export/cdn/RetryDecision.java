package com.memora.projection.export.cdn;

import java.time.Instant;

/** What to do after a transient publication failure (decisions O2). */
public sealed interface RetryDecision {

    /**
     * Wait, then try again.
     *
     * @param retryNumber 1 for the first retry … 7 for the last one of the default schedule
     */
    record RetryAt(Instant at, int retryNumber) implements RetryDecision {
    }

    /** The schedule is spent: {@code DEAD_LETTER}, an alert, and a manual retry is the way back. */
    record DeadLetter(int failedAttempts) implements RetryDecision {
    }
}
