package com.memora.kernel.error;

/**
 * Too many requests from this caller or this node for now; the same request will be accepted after
 * {@link #retryAfterSeconds()}. (429 with {@code Retry-After})
 */
public final class RateLimitedException extends RuntimeException {

    private final String problemType;
    private final long retryAfterSeconds;

    public RateLimitedException(String problemType, String message, long retryAfterSeconds) {
        super(message);
        this.problemType = problemType;
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public String problemType() {
        return problemType;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
