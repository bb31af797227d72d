package com.memora.kernel.error;

/**
 * The request could not be carried out now for a reason that passes (a resource contended beyond every retry);
 * nothing was changed and the same request may be sent again after {@link #retryAfterSeconds()}.
 * (503 with {@code Retry-After})
 */
public final class TemporarilyUnavailableException extends RuntimeException {

    private final String problemType;
    private final long retryAfterSeconds;

    public TemporarilyUnavailableException(String problemType, String message, long retryAfterSeconds,
                                           Throwable cause) {
        super(message, cause);
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
