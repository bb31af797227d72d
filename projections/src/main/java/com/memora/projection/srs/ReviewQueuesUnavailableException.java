package com.memora.projection.srs;

/** Redis could not be used for the review queues: it failed, timed out, or Safe Mode is on (decisions S4). */
public class ReviewQueuesUnavailableException extends RuntimeException {

    public ReviewQueuesUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
